import Foundation
import Logging
import NIOConcurrencyHelpers

/// One subscribed connection and the thread that reads it.
final class RedisSubscription: Sendable {
    private let url: RedisURL
    private let channels: [String]
    private let patterns: [String]
    private let continuation: AsyncStream<RedisMessage>.Continuation
    private let logger: Logger
    private let outage: RedisOutageLog
    private let name: String
    private let flags = NIOLockedValueBox(Flags())
    /// How long a read waits before the thread looks at the stop flag again.
    private let pollInterval: Int32 = 250

    private struct Flags {
        var stopped = false
        var subscribed = false
    }

    init(
        url: RedisURL, channels: [String], patterns: [String], continuation: AsyncStream<RedisMessage>.Continuation, logger: Logger,
        outage: RedisOutageLog, name: String
    ) {
        self.outage = outage
        self.name = name
        self.url = url
        self.channels = channels
        self.patterns = patterns
        self.continuation = continuation
        self.logger = logger
    }

    var isSubscribed: Bool { flags.withLockedValue { $0.subscribed } }

    private var isStopped: Bool { flags.withLockedValue { $0.stopped } }

    func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "redis-subscriber"
        thread.start()
    }

    func stop() {
        flags.withLockedValue { $0.stopped = true }
    }

    private func run() {
        var backoff = Duration.milliseconds(100)
        var connectedBefore = false
        while !isStopped {
            do {
                let connection = try subscribe()
                backoff = .milliseconds(100)
                flags.withLockedValue { $0.subscribed = true }
                outage.report(name, up: true)
                if connectedBefore {
                    logger.debug("Redis subscription restored", metadata: ["subscription": .string(name)])
                    continuation.yield(.reconnected)
                }
                connectedBefore = true
                let error = read(connection)
                connection.close()
                flags.withLockedValue { $0.subscribed = false }
                if let error, !isStopped { outage.report(name, up: false, reason: "\(error)") }
            } catch {
                outage.report(name, up: false, reason: "\(error)")
                sleep(backoff)
                backoff = min(backoff * 2, .seconds(2))
            }
        }
        // A stopped subscription no longer holds the outage open.
        outage.report(name, up: true)
        continuation.finish()
    }

    /// Connects, subscribes and waits for every confirmation.
    private func subscribe() throws -> RedisConnection {
        let connection = try RedisConnection.open(url, connectTimeout: .seconds(2), commandTimeout: .seconds(5))
        do {
            if !channels.isEmpty { try connection.append([Array("SUBSCRIBE".utf8)] + channels.map { Array($0.utf8) }) }
            if !patterns.isEmpty { try connection.append([Array("PSUBSCRIBE".utf8)] + patterns.map { Array($0.utf8) }) }
            for _ in 0..<(channels.count + patterns.count) {
                guard let kind = try connection.readReply().array?.first?.string, kind.hasSuffix("subscribe") else {
                    throw RedisError.protocolError("unexpected reply to SUBSCRIBE")
                }
            }
            return connection
        } catch {
            connection.close()
            throw error
        }
    }

    /// Yields messages until the connection fails (the error) or the subscription is stopped (nil).
    private func read(_ connection: RedisConnection) -> (any Error)? {
        while !isStopped {
            do {
                while let reply = try connection.bufferedReply() {
                    if let message = Self.message(from: reply) { continuation.yield(message) }
                }
                var descriptor = pollfd(fd: connection.fileDescriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, pollInterval)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return RedisError.unreachable("poll failed: errno \(errno)")
                }
                if ready > 0 { try connection.fill() }
            } catch {
                return error
            }
        }
        return nil
    }

    /// `message`/`pmessage` pushes become messages; (un)subscribe confirmations and pongs are dropped.
    static func message(from reply: RedisValue) -> RedisMessage? {
        guard let parts = reply.array, let kind = parts.first?.string else { return nil }
        switch kind {
        case "message" where parts.count == 3:
            guard let channel = parts[1].string, let payload = parts[2].bytes else { return nil }
            return .message(channel: channel, payload: payload)
        case "pmessage" where parts.count == 4:
            guard let channel = parts[2].string, let payload = parts[3].bytes else { return nil }
            return .message(channel: channel, payload: payload)
        default:
            return nil
        }
    }

    private func sleep(_ duration: Duration) {
        // In short steps, so stop() is honoured quickly.
        let deadline = ContinuousClock.now + duration
        while !isStopped, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
