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
