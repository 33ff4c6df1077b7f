/// Why an inbound Engine.IO packet or payload could not be decoded.
public enum EngineDecodingError: Error, Sendable, Equatable {
    case invalidPacketType
    case emptyPacket
    case invalidBase64
}
