/// One task per server that runs a per-session chore (heartbeats, connect deadlines) for all
/// sessions at once: a sleeping task per session would cost every idle connection its memory.
enum PeriodicSweep {
    /// A tenth of `period`, kept between 5 ms and 1 s: chores run within that much of their time.
    static func tick(for period: Duration) -> Duration {
        min(max(period / 10, .milliseconds(5)), .seconds(1))
    }

    /// Calls `body` every `tick` until `owner` is gone.
    static func start<Owner: AnyObject & Sendable>(
        every tick: Duration, owner: Owner, _ body: @escaping @Sendable (Owner, ContinuousClock.Instant) -> Void
    ) {
        Task { [weak owner] in
            while true {
                try? await Task.sleep(for: tick)
                guard let owner else { return }
                body(owner, .now)
            }
        }
    }
}
