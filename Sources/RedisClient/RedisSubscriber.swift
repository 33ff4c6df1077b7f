import Foundation
import Logging
import NIOConcurrencyHelpers

/// Subscriptions to Redis pub/sub channels. Each stream gets its own connection and its own
/// thread, blocked in hiredis (a subscribed connection can do nothing else), that reconnects
/// with backoff and subscribes again after a failure, yielding `.reconnected` each time.
public final class RedisSubscriber: Sendable {
    private let url: RedisURL
    private let logger: Logger
    private let subscriptions = NIOLockedValueBox<[RedisSubscription]>([])
    private let bufferSize: Int
    private let outage: RedisOutageLog
    private let count = NIOLockedValueBox(0)

    public init(url: RedisURL, logger: Logger, bufferSize: Int = 10_000, outage: RedisOutageLog? = nil) {
        self.url = url
        self.logger = logger
        self.bufferSize = bufferSize
        self.outage = outage ?? RedisOutageLog(url: url, logger: logger)
    }

    /// Messages on `channels` and on channels matching `patterns` (glob-style), from the moment
    /// the subscription is confirmed. The buffer is bounded: a consumer that falls behind loses
    /// the oldest messages. Ending the iteration ends the subscription.
    public func messages(channels: [String], patterns: [String] = []) -> AsyncStream<RedisMessage> {
        let (stream, continuation) = AsyncStream<RedisMessage>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let number = count.withLockedValue { count in
            count += 1
            return count
        }
        let subscription = RedisSubscription(
            url: url, channels: channels, patterns: patterns, continuation: continuation, logger: logger,
            outage: outage, name: "subscription \(number)")
        subscriptions.withLockedValue { $0.append(subscription) }
        continuation.onTermination = { [weak self] _ in
            subscription.stop()
            self?.subscriptions.withLockedValue { $0.removeAll { $0 === subscription } }
        }
        subscription.start()
        return stream
    }

    /// Waits until every subscription made so far is confirmed by the server (or `timeout`
    /// passed); true when they all are. The default is generous: a machine starting a hundred
    /// test suites at once has been seen to take more than 5 s to run the subscriber's thread.
    public func waitUntilSubscribed(timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if subscriptions.withLockedValue({ $0.allSatisfy(\.isSubscribed) }) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// Whether every subscription currently holds a live, subscribed connection.
    public var isConnected: Bool { subscriptions.withLockedValue { $0.allSatisfy(\.isSubscribed) } }

    /// Stops every subscription (their threads end within a poll interval) and finishes the streams.
    public func shutdown() {
        let all = subscriptions.withLockedValue { list in
            defer { list = [] }
            return list
        }
        for subscription in all { subscription.stop() }
    }
}
