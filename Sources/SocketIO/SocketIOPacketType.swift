/// Socket.IO v5 packet types (one digit at the start of an Engine.IO message).
public enum SocketIOPacketType: Character, Sendable, CaseIterable {
    case connect = "0"
    case disconnect = "1"
    case event = "2"
    case ack = "3"
    case connectError = "4"
    case binaryEvent = "5"
    case binaryAck = "6"

    public var isBinary: Bool { self == .binaryEvent || self == .binaryAck }
}
