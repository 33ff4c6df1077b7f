import NIOCore

/// One Engine.IO v4 packet as it travels inside a transport.
///
/// Text packets carry their data as a string after the type digit; binary packets are always
/// of type `message` (WebSocket binary frames, or `b<base64>` records over polling).
public struct EnginePacket: Sendable, Equatable {
    public enum Payload: Sendable, Equatable {
        case text(String)
        case binary(ByteBuffer)
    }

    public var type: EnginePacketType
    public var payload: Payload

    public init(type: EnginePacketType, text: String = "") {
        self.type = type
        self.payload = .text(text)
    }

    public init(binary: ByteBuffer) {
        self.type = .message
        self.payload = .binary(binary)
    }

    /// Decodes a text packet: one type digit, then the data.
    public static func decode(text: Substring) throws(EngineDecodingError) -> EnginePacket {
        guard let first = text.first, let type = EnginePacketType(rawValue: first) else {
            throw .invalidPacketType
        }
        return EnginePacket(type: type, text: String(text.dropFirst()))
    }

    /// The packet as an outbound frame (type digit + data, or raw binary).
    public var frame: EngineFrame {
        switch payload {
        case .text(let data):
            return .text(String(type.rawValue) + data)
        case .binary(let buffer):
            return .binary(buffer)
        }
    }
}
