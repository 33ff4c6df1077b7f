import Logging
import NIOConcurrencyHelpers

/// Logs a Redis outage once when it starts and once when it ends, however many connections
/// (the command pool, each subscription) notice it: down while any of them is down.
public final class RedisOutageLog: Sendable {
    private let logger: Logger
    private let url: RedisURL
    private let down = NIOLockedValueBox<Set<String>>([])

    public init(url: RedisURL, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    /// `part` names the connection reporting (each reports its own state).
    func report(_ part: String, up: Bool, reason: String? = nil) {
        let (wasDown, isDown) = down.withLockedValue { parts -> (Bool, Bool) in
            let before = !parts.isEmpty
            if up { parts.remove(part) } else { parts.insert(part) }
            return (before, !parts.isEmpty)
        }
        if !wasDown, isDown {
            logger.error("Redis is unreachable", metadata: ["redis": .string(url.description), "reason": .string(reason ?? "")])
        } else if wasDown, !isDown {
            logger.notice("Redis is reachable again", metadata: ["redis": .string(url.description)])
        }
    }
}
