import Logging

/// Publishes on Redis channels in the order `publish` was called, without making the caller
/// wait for Redis: messages go through a bounded queue drained by one task. While Redis is
/// unreachable they are dropped (the client logs the outage once); a full queue drops the
/// oldest.
public final class RedisPublisher: Sendable {
    private let queue: AsyncStream<(String, [UInt8])>.Continuation
    private let task: Task<Void, Never>

    public init(client: RedisClient, bufferSize: Int = 10_000) {
        let (stream, queue) = AsyncStream<(String, [UInt8])>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        self.queue = queue
        self.task = Task {
            for await (channel, payload) in stream {
                _ = try? await client.send(bytes: [Array("PUBLISH".utf8), Array(channel.utf8), payload])
            }
        }
    }

    public func publish(channel: String, payload: [UInt8]) {
        queue.yield((channel, payload))
    }

    /// Stops after what is queued was sent (or failed).
    public func shutdown() async {
        queue.finish()
        await task.value
    }
}
