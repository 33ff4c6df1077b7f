import Foundation
import NIOCore

/// Encodes Socket.IO packets into Engine.IO frames, once, so the same bytes can go to every
/// receiver of a broadcast.
public enum SocketIOPacketEncoder {
    /// A packet ready for the wire: the text frame (`4…`) then one binary frame per attachment.
    public static func encode(_ packet: SocketIOPacket) -> [EngineFrame] {
        var attachments: [Data] = []
        let data = packet.data.map { deconstruct($0, into: &attachments) }
        var type = packet.type
        if !attachments.isEmpty {
            if type == .event { type = .binaryEvent }
            if type == .ack { type = .binaryAck }
        } else {
            if type == .binaryEvent { type = .event }
            if type == .binaryAck { type = .ack }
        }
        var text = "4" + String(type.rawValue)
        if type.isBinary { text += "\(attachments.count)-" }
        if packet.namespace != "/" { text += packet.namespace + "," }
        if let ackID = packet.ackID { text += String(ackID) }
        if let data { data.write(to: &text) }
        return [EngineFrame.text(text)] + attachments.map { .binary(ByteBuffer(bytes: $0)) }
    }

    /// The encoded event with one more string argument at the end of its array (the recovery
    /// offset, which the reference appends last so that older clients just see an extra
    /// argument): the text frame is copied once with `,"<argument>"]` in place of its closing
    /// bracket; attachments are shared. Frames that do not end in an array are returned as
    /// they are.
    static func appending(argument: String, to frames: [EngineFrame]) -> [EngineFrame] {
        guard case .text(var text) = frames.first, text.readableBytes > 0,
            text.getInteger(at: text.writerIndex - 1, as: UInt8.self) == UInt8(ascii: "]")
        else { return frames }
        var suffix = ","
        SocketIOValue.string(argument).write(to: &suffix)
        suffix += "]"
        text.moveWriterIndex(to: text.writerIndex - 1)
        text.writeString(suffix)
        return [.text(text)] + frames.dropFirst()
    }

    /// Replaces binary values by numbered placeholders, collecting them in order.
    static func deconstruct(_ value: SocketIOValue, into attachments: inout [Data]) -> SocketIOValue {
        switch value {
        case .binary(let data):
            attachments.append(data)
            return .object(["_placeholder": .bool(true), "num": .number(Double(attachments.count - 1))])
        case .array(let values):
            return .array(values.map { deconstruct($0, into: &attachments) })
        case .object(let members):
            // Sorted keys: attachment numbering must follow the serialized order.
            var out: [String: SocketIOValue] = [:]
            for key in members.keys.sorted() {
                if let member = members[key] { out[key] = deconstruct(member, into: &attachments) }
            }
            return .object(out)
        default:
            return value
        }
    }
}
