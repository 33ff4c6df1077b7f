import Foundation

/// Failed-login counting, per account and per client address. One node keeps it in memory
/// (`LoginThrottle`); a cluster shares it through Redis (`RedisLoginThrottle`), so that
/// guessing through several nodes counts as guessing through one.
public protocol LoginThrottling: Sendable {
    /// Seconds to wait before another attempt is allowed, or nil when the attempt may proceed.
    func retryAfter(account: String, address: String, now: Date) async -> Int?
    func recordFailure(account: String, address: String, now: Date) async
    /// A successful login clears the account's count.
    func recordSuccess(account: String) async
}

extension LoginThrottle: LoginThrottling {}
