import NIOCore

/// One whole WebSocket message (fragments already joined).
public enum WebSocketPayload: Sendable, Equatable {
    case text(ByteBuffer)
    case binary(ByteBuffer)

    public static func text(_ string: String) -> WebSocketPayload {
        .text(ByteBuffer(string: string))
    }
}
