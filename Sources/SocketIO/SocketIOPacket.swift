import Foundation

/// Socket.IO v5 packet types (one digit at the start of an Engine.IO message).
public enum SocketIOPacketType: Character, Sendable, CaseIterable {
    case connect = "0"
    case disconnect = "1"
    case event = "2"
    case ack = "3"
    case connectError = "4"
    case binaryEvent = "5"
    case binaryAck = "6"

    var isBinary: Bool { self == .binaryEvent || self == .binaryAck }
}

/// A Socket.IO packet with binary attachments already in place (`SocketIOValue.binary`).
public struct SocketIOPacket: Sendable, Equatable {
    public var type: SocketIOPacketType
    public var namespace: String
    public var ackID: Int?
    public var data: SocketIOValue?

    public init(type: SocketIOPacketType, namespace: String = "/", ackID: Int? = nil, data: SocketIOValue? = nil) {
        self.type = type
        self.namespace = namespace
        self.ackID = ackID
        self.data = data
    }
}

/// Why a Socket.IO packet was refused. Every case closes the connection.
public enum SocketIODecodingError: Error, Sendable, Equatable {
    case emptyPacket
    case unknownPacketType
    case invalidAttachmentCount
    case tooManyAttachments
    case invalidAckID
    case invalidJSON
    case invalidPayload
    case unexpectedBinary
    case unexpectedText
    case invalidPlaceholder
}

/// Event names the protocol reserves; a client may not send them.
let reservedEventNames: Set<String> = [
    "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener",
]
