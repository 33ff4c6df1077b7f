import Foundation

/// Collects the binary attachments that follow a BINARY_EVENT / BINARY_ACK header.
///
/// States: `idle` (text packets expected) → `collecting` (binary frames expected) → back to
/// `idle` when the last attachment arrives. Text while collecting, or binary while idle, is
/// a protocol error.
public struct SocketIOBinaryReassembler: Sendable {
    enum State: Sendable, Equatable {
        case idle
        case collecting(SocketIOPacket, expected: Int, received: [Data])
    }

    private(set) var state: State = .idle

    public init() {}

    public var isCollecting: Bool { state != .idle }

    /// Feeds a decoded text header. Returns the packet when it needs no attachments.
    public mutating func receive(header: SocketIOPacketDecoder.Header) throws(SocketIODecodingError) -> SocketIOPacket? {
        guard state == .idle else { throw .unexpectedText }
        // Only BINARY_EVENT / BINARY_ACK carry placeholders; elsewhere `_placeholder` is plain
        // data, as in the reference parser.
        guard header.packet.type.isBinary else { return header.packet }
        if header.attachments == 0 {
            return try Self.reconstruct(header.packet, attachments: [])
        }
        state = .collecting(header.packet, expected: header.attachments, received: [])
        return nil
    }

    /// Feeds one binary attachment. Returns the packet when it is complete.
    public mutating func receive(attachment: Data) throws(SocketIODecodingError) -> SocketIOPacket? {
        guard case .collecting(let packet, let expected, var received) = state else { throw .unexpectedBinary }
        received.append(attachment)
        guard received.count == expected else {
            state = .collecting(packet, expected: expected, received: received)
            return nil
        }
        state = .idle
        return try Self.reconstruct(packet, attachments: received)
    }

    /// Replaces `{"_placeholder":true,"num":n}` objects by their attachments. `n` comes from the
    /// client: anything but an exact index of a received attachment is a decoding error.
    static func reconstruct(_ packet: SocketIOPacket, attachments: [Data]) throws(SocketIODecodingError) -> SocketIOPacket {
        guard let data = packet.data else { return packet }
        var result = packet
        result.data = try replacePlaceholders(in: data, attachments: attachments)
        return result
    }

    private static func replacePlaceholders(in value: SocketIOValue, attachments: [Data]) throws(SocketIODecodingError)
        -> SocketIOValue
    {
        switch value {
        case .array(let values):
            var out: [SocketIOValue] = []
            out.reserveCapacity(values.count)
            for element in values { out.append(try replacePlaceholders(in: element, attachments: attachments)) }
            return .array(out)
        case .object(let members):
            if members["_placeholder"] == .bool(true) {
                guard let number = members["num"]?.numberValue, let index = Int(exactly: number),
                    attachments.indices.contains(index)
                else { throw .invalidPlaceholder }
                return .binary(attachments[index])
            }
            var out: [String: SocketIOValue] = [:]
            for (key, member) in members { out[key] = try replacePlaceholders(in: member, attachments: attachments) }
            return .object(out)
        default:
            return value
        }
    }
}
