import Foundation

/// Counts failed logins per account and per client address inside a sliding window. Past the
/// limit, further attempts answer 429 with `Retry-After` until the oldest failure ages out.
/// Memory is bounded: a key keeps at most `limit` timestamps and stale keys are swept.
public actor LoginThrottle {
    public struct Limits: Sendable, Equatable {
        public var failuresPerAccount: Int
        public var failuresPerAddress: Int
        public var window: Duration

        public init(failuresPerAccount: Int = 5, failuresPerAddress: Int = 20, window: Duration = .seconds(900)) {
            self.failuresPerAccount = failuresPerAccount
            self.failuresPerAddress = failuresPerAddress
            self.window = window
        }
    }

    private let limits: Limits
    private var accountFailures: [String: [Date]] = [:]
    private var addressFailures: [String: [Date]] = [:]
    private var lastSweep = Date()
    private let maximumKeys = 100_000

    public init(limits: Limits) {
        self.limits = limits
    }

    private var windowSeconds: TimeInterval { TimeInterval(limits.window.components.seconds) }

    /// Seconds to wait before another attempt is allowed, or nil when the attempt may proceed.
    public func retryAfter(account: String, address: String, now: Date = Date()) -> Int? {
        sweepIfDue(now)
        let waits = [
            wait(accountFailures[account.lowercased()], limit: limits.failuresPerAccount, now: now),
            wait(addressFailures[address], limit: limits.failuresPerAddress, now: now),
        ].compactMap { $0 }
        return waits.max()
    }

    public func recordFailure(account: String, address: String, now: Date = Date()) {
        record(&accountFailures, key: account.lowercased(), limit: limits.failuresPerAccount, now: now)
        record(&addressFailures, key: address, limit: limits.failuresPerAddress, now: now)
    }

    /// A successful login clears the account's count (not the address's: one address guessing
    /// at many accounts stays limited).
    public func recordSuccess(account: String) {
        accountFailures[account.lowercased()] = nil
    }

    private func wait(_ failures: [Date]?, limit: Int, now: Date) -> Int? {
        guard let failures else { return nil }
        let recent = failures.filter { now.timeIntervalSince($0) < windowSeconds }
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((windowSeconds - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    private func record(_ table: inout [String: [Date]], key: String, limit: Int, now: Date) {
        var failures = (table[key] ?? []).filter { now.timeIntervalSince($0) < windowSeconds }
        failures.append(now)
        if failures.count > limit { failures.removeFirst(failures.count - limit) }
        table[key] = failures
    }

    private func sweepIfDue(_ now: Date) {
        let tooMany = accountFailures.count + addressFailures.count > maximumKeys
        guard tooMany || now.timeIntervalSince(lastSweep) > windowSeconds else { return }
        lastSweep = now
        let isStale: ([Date]) -> Bool = { [windowSeconds] in ($0.last.map { now.timeIntervalSince($0) } ?? .infinity) >= windowSeconds }
        accountFailures = accountFailures.filter { !isStale($0.value) }
        addressFailures = addressFailures.filter { !isStale($0.value) }
    }
}
