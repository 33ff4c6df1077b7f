import NIOCore

/// An encoded outbound Engine.IO packet.
///
/// The bytes are produced once and shared (copy-on-write) by every receiver of a broadcast:
/// a text frame holds the full packet (type digit included), a binary frame the raw attachment.
public enum EngineFrame: Sendable, Equatable {
    case text(ByteBuffer)
    case binary(ByteBuffer)

    public static func text(_ string: String) -> EngineFrame {
        framedText(string)
    }

    public static func packet(_ type: EnginePacketType, _ data: String = "") -> EngineFrame {
        .text(String(type.rawValue) + data)
    }

    /// Encoded size, used to bound send queues.
    var byteCount: Int {
        switch self {
        case .text(let buffer), .binary(let buffer):
            return buffer.readableBytes
        }
    }
}
