import NIOCore
import NIOWebSocket

/// Writes to one upgraded WebSocket connection, from any thread.
///
/// Writes are handed to the connection's event loop and flushed once per call, so a batch of
/// messages costs one system call. Nothing here buffers beyond NIO's own outbound buffer:
/// writers check `isWritable` and keep (bounded) queues of their own.
public final class WebSocketConnection: Sendable {
    let channel: any Channel

    init(channel: any Channel) {
        self.channel = channel
    }

    /// False while the socket's outbound buffer is above its high-water mark; the delegate
    /// hears `webSocketDidBecomeWritable` when it drains.
    public var isWritable: Bool { channel.isWritable }

    public var isActive: Bool { channel.isActive }

    /// Writes `payloads` in order. With `spacing`, each message after the first waits that
    /// long (for clients that cannot take two messages in one read). `completion` runs on the
    /// event loop once everything is written (true) or the write failed (false).
    public func write(
        _ payloads: [WebSocketPayload], spacing: TimeAmount? = nil,
        completion: (@Sendable (Bool) -> Void)? = nil
    ) {
        let channel = self.channel
        channel.eventLoop.execute {
            Self.write(payloads[...], on: channel, spacing: spacing, completion: completion)
        }
    }

    public func write(_ payload: WebSocketPayload) {
        write([payload])
    }

    private static func write(
        _ payloads: ArraySlice<WebSocketPayload>, on channel: any Channel, spacing: TimeAmount?,
        completion: (@Sendable (Bool) -> Void)?
    ) {
        guard !payloads.isEmpty else {
            completion?(true)
            return
        }
        let batch = spacing == nil ? payloads : payloads.prefix(1)
        let rest = payloads.dropFirst(batch.count)
        let promise = channel.eventLoop.makePromise(of: Void.self)
        for (index, payload) in zip(batch.indices, batch) {
            let frame = WebSocketFrame(payload)
            channel.write(frame, promise: index == batch.indices.last ? promise : nil)
        }
        channel.flush()
        promise.futureResult.whenComplete { result in
            guard case .success = result else {
                completion?(false)
                return
            }
            if rest.isEmpty {
                completion?(true)
            } else if let spacing {
                channel.eventLoop.scheduleTask(in: spacing) {
                    write(rest, on: channel, spacing: spacing, completion: completion)
                }
            }
        }
    }

    /// Sends a close frame with `code`, then closes the socket.
    public func close(code: WebSocketErrorCode = .normalClosure) {
        let channel = self.channel
        channel.eventLoop.execute {
            Self.close(channel: channel, code: code)
        }
    }

    /// Closes after `delay`, so that a last message (a refusal) is read before the close frame.
    public func close(after delay: TimeAmount, code: WebSocketErrorCode = .normalClosure) {
        let channel = self.channel
        channel.eventLoop.scheduleTask(in: delay) {
            Self.close(channel: channel, code: code)
        }
    }

    static func close(channel: any Channel, code: WebSocketErrorCode) {
        guard channel.isActive else { return }
        var data = channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: code)
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, data: data)
        channel.writeAndFlush(frame).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}

extension WebSocketFrame {
    init(_ payload: WebSocketPayload) {
        switch payload {
        case .text(let buffer):
            self.init(fin: true, opcode: .text, data: buffer)
        case .binary(let buffer):
            self.init(fin: true, opcode: .binary, data: buffer)
        }
    }
}
