/// A token bucket: `rate.perSecond` tokens a second, never more than `rate.burst` saved up.
struct TokenBucket: Sendable {
    let rate: EventRate
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    init(rate: EventRate, now: ContinuousClock.Instant = .now) {
        self.rate = rate
        self.tokens = rate.burst
        self.updated = now
    }

    /// Takes one token if there is one.
    mutating func take(now: ContinuousClock.Instant = .now) -> Bool {
        let elapsed = now - updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(rate.burst, tokens + seconds * rate.perSecond)
        updated = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
