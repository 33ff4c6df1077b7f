import Foundation
import Logging
import RedisClient
import Synchronization

/// Failed logins counted in Redis, so that the limits hold for the whole cluster: one sorted
/// set per account and per address, a failure's time (ms) as its score, trimmed to the window
/// and to the limit, expiring with the window. While Redis cannot be reached the node counts
/// on its own (`fallback`) rather than letting every attempt through.
struct RedisLoginThrottle: LoginThrottling {
    let redis: RedisClient
    let limits: LoginThrottle.Limits
    let fallback: LoginThrottle
    let keys: ClusterKeys
    let logger: Logger

    /// KEYS: failures. ARGV: now ms, window ms, limit. The ms to wait, or -1.
    static let wait = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then return -1 end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1])
        """

    /// KEYS: failures. ARGV: now ms, window ms, limit, a unique member.
    static let record = """
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
        redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 0
        """

    private var windowMilliseconds: Int64 { RedisPresenceDirectory.milliseconds(limits.window) }

    func retryAfter(account: String, address: String, now: Date) async -> Int? {
        do {
            let waits = try await [
                wait(keys.loginFailures(account: account.lowercased()), limit: limits.failuresPerAccount, now: now),
                wait(keys.loginFailures(address: address), limit: limits.failuresPerAddress, now: now),
            ].compactMap { $0 }
            return waits.max()
        } catch {
            logger.error("Redis unreachable: login throttle counts on this node only", metadata: ["error": .string("\(error)")])
            return await fallback.retryAfter(account: account, address: address, now: now)
        }
    }

    func recordFailure(account: String, address: String, now: Date) async {
        await fallback.recordFailure(account: account, address: address, now: now)
        let member = "\(Self.milliseconds(now))-\(UUID().uuidString)"
        for (key, limit) in [
            (keys.loginFailures(account: account.lowercased()), limits.failuresPerAccount),
            (keys.loginFailures(address: address), limits.failuresPerAddress),
        ] {
            do {
                _ = try await redis.send(
                    ["EVAL", Self.record, "1", key, String(Self.milliseconds(now)), String(windowMilliseconds), String(limit), member])
            } catch {
                logger.error("could not record a failed login in Redis", metadata: ["error": .string("\(error)")])
            }
        }
    }

    func recordSuccess(account: String) async {
        await fallback.recordSuccess(account: account)
        _ = try? await redis.send(["DEL", keys.loginFailures(account: account.lowercased())])
    }

    private func wait(_ key: String, limit: Int, now: Date) async throws -> Int? {
        let reply = try await redis.send(["EVAL", Self.wait, "1", key, String(Self.milliseconds(now)), String(windowMilliseconds), String(limit)])
        guard let milliseconds = reply.int, milliseconds >= 0 else { return nil }
        return max(1, Int((Double(milliseconds) / 1000).rounded(.up)))
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
