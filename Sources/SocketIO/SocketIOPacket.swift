import Foundation

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

/// Event names the protocol reserves; a client may not send them.
let reservedEventNames: Set<String> = [
    "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener",
]
