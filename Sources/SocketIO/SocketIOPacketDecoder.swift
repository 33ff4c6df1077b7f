import Foundation

/// Parses the text part of a Socket.IO packet:
/// `<type>[<attachments>-][<namespace>,][<ack id>][JSON]`.
///
/// The result still holds placeholders; `SocketIOBinaryReassembler` swaps in attachments.
public enum SocketIOPacketDecoder {
    public struct Header: Sendable, Equatable {
        public var packet: SocketIOPacket
        public var attachments: Int
    }

    public static func decode(_ text: Substring, maxAttachments: Int = 10) throws(SocketIODecodingError) -> Header {
        var rest = text[...]
        guard let first = rest.popFirst() else { throw .emptyPacket }
        guard let type = SocketIOPacketType(rawValue: first) else { throw .unknownPacketType }

        var attachments = 0
        if type.isBinary {
            guard let dash = rest.firstIndex(of: "-"), let count = Int(rest[..<dash]), count >= 0,
                rest[..<dash].allSatisfy(\.isASCIIDigit)
            else { throw .invalidAttachmentCount }
            guard count <= maxAttachments else { throw .tooManyAttachments }
            attachments = count
            rest = rest[rest.index(after: dash)...]
        }

        var namespace = "/"
        if rest.first == "/" {
            // The namespace runs to the first comma, or to the end (`40/random`).
            if let comma = rest.firstIndex(of: ",") {
                namespace = String(rest[..<comma])
                rest = rest[rest.index(after: comma)...]
            } else {
                namespace = String(rest)
                rest = ""
            }
        }

        var ackID: Int?
        let digits = rest.prefix(while: \.isASCIIDigit)
        if !digits.isEmpty {
            guard let id = Int(digits) else { throw .invalidAckID }
            ackID = id
            rest = rest.dropFirst(digits.count)
        }

        var data: SocketIOValue?
        if !rest.isEmpty {
            do {
                data = try SocketIOValue.parse(json: rest)
            } catch {
                throw .invalidJSON
            }
        }

        let packet = SocketIOPacket(type: type, namespace: namespace, ackID: ackID, data: data)
        guard isValid(packet) else { throw .invalidPayload }
        return Header(packet: packet, attachments: attachments)
    }

    /// The payload rules of the reference parser.
    static func isValid(_ packet: SocketIOPacket) -> Bool {
        switch packet.type {
        case .connect:
            guard let data = packet.data else { return true }
            return data.objectValue != nil
        case .disconnect:
            return packet.data == nil
        case .connectError:
            return packet.data?.objectValue != nil || packet.data?.stringValue != nil
        case .event, .binaryEvent:
            guard let args = packet.data?.arrayValue, let name = args.first else { return false }
            if let string = name.stringValue { return !reservedEventNames.contains(string) }
            return name.numberValue != nil
        case .ack, .binaryAck:
            return packet.ackID != nil && packet.data?.arrayValue != nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
