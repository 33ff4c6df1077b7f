import NIOCore
import NIOWebSocket

/// Writes to one upgraded WebSocket connection, from any thread.
///
/// Writes are handed to the connection's event loop and flushed once per call, so a batch of
/// messages costs one system call. Nothing here buffers beyond NIO's own outbound buffer:
/// writers check `isWritable` and keep (bounded) queues of their own.
public final class WebSocketConnection: Sendable {
    let channel: any Channel
    /// The context of NIO's frame encoder: a frame that already holds its header is written
    /// from there, so it goes to the socket as it is (one buffer, no header of its own).
    /// Used on the event loop only.
    nonisolated(unsafe) private let encoderContext: ChannelHandlerContext?

    init(channel: any Channel, encoderContext: ChannelHandlerContext? = nil) {
        self.channel = channel
        self.encoderContext = encoderContext
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
        channel.eventLoop.execute { [self] in
            write(payloads[...], spacing: spacing, completion: completion)
        }
    }

    public func write(_ payload: WebSocketPayload) {
        write([payload])
    }

    private func write(
        _ payloads: ArraySlice<WebSocketPayload>, spacing: TimeAmount?, completion: (@Sendable (Bool) -> Void)?
    ) {
        guard !payloads.isEmpty else {
            completion?(true)
            return
        }
        let channel = self.channel
        let batch = spacing == nil ? payloads : payloads.prefix(1)
        let rest = payloads.dropFirst(batch.count)
        let promise = channel.eventLoop.makePromise(of: Void.self)
        var allPastEncoder = true
        for (index, payload) in zip(batch.indices, batch) {
            allPastEncoder = write(payload, promise: index == batch.indices.last ? promise : nil) && allPastEncoder
        }
        // From the encoder's place when every frame went in there: the flush then passes only
        // the handlers between it and the socket, not the whole pipeline (once per socket per
        // broadcast message).
        if allPastEncoder, let encoderContext { encoderContext.flush() } else { channel.flush() }
        promise.futureResult.whenComplete { result in
            guard case .success = result else {
                completion?(false)
                return
            }
            if rest.isEmpty {
                completion?(true)
            } else if let spacing {
                channel.eventLoop.scheduleTask(in: spacing) {
                    self.write(rest, spacing: spacing, completion: completion)
                }
            }
        }
    }

    /// Writes one message on the event loop. A payload that carries its frame header goes
    /// past the encoder as it is; the encoder's context stays in the pipeline while the channel
    /// is active (NIO removes handlers only after it became inactive).
    /// Returns whether it went past the encoder.
    private func write(_ payload: WebSocketPayload, promise: EventLoopPromise<Void>?) -> Bool {
        if let encoderContext, channel.isActive, let frame = payload.webSocketFrameBytes {
            encoderContext.write(NIOAny(frame), promise: promise)
            return true
        }
        channel.write(WebSocketFrame(payload), promise: promise)
        return false
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
