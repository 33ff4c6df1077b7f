import NIOCore

/// Server WebSocket frames built once and shared.
///
/// A frame's buffer may carry its WebSocket header just before its readable bytes (the
/// payload, which is all that polling, Redis and equality ever look at). Every socket a
/// broadcast reaches then writes the same complete frame, header and payload in one buffer,
/// instead of NIO's frame encoder adding a header buffer of its own for each socket.
extension EngineFrame {
    /// A text frame whose buffer holds its WebSocket header before the payload: the string is
    /// copied into a buffer once either way, so the header costs nothing more.
    static func framedText(_ string: String) -> EngineFrame {
        let header = WebSocketServerFrameHeader(firstByte: 0x81, payloadLength: string.utf8.count)
        var buffer = ByteBuffer()
        buffer.reserveCapacity(header.byteCount + header.payloadLength)
        header.write(to: &buffer)
        let payloadStart = buffer.writerIndex
        buffer.writeString(string)
        buffer.moveReaderIndex(to: payloadStart)
        return .text(buffer)
    }

    /// This frame with its WebSocket header in front of the payload: itself when it has one
    /// already, else a copy (once per broadcast, not once per receiver).
    func withWebSocketHeader() -> EngineFrame {
        if webSocketFrameBytes != nil { return self }
        let header = WebSocketServerFrameHeader(for: self)
        var buffer = ByteBuffer()
        buffer.reserveCapacity(header.byteCount + header.payloadLength)
        header.write(to: &buffer)
        let payloadStart = buffer.writerIndex
        switch self {
        case .text(let payload):
            buffer.writeImmutableBuffer(payload)
            buffer.moveReaderIndex(to: payloadStart)
            return .text(buffer)
        case .binary(let payload):
            buffer.writeImmutableBuffer(payload)
            buffer.moveReaderIndex(to: payloadStart)
            return .binary(buffer)
        }
    }

    /// The complete WebSocket frame (header, then payload) when the bytes just before the
    /// payload are exactly its header; nil otherwise. Shares the storage: nothing is copied.
    var webSocketFrameBytes: ByteBuffer? {
        let header = WebSocketServerFrameHeader(for: self)
        switch self {
        case .text(let buffer), .binary(let buffer):
            let start = buffer.readerIndex - header.byteCount
            guard start >= 0 else { return nil }
            // ByteBuffer reads only readable bytes: look at the header through a view that
            // starts there.
            var framed = buffer
            framed.moveReaderIndex(to: start)
            return header.isWritten(in: framed, at: start) ? framed : nil
        }
    }
}
