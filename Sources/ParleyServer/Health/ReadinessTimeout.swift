/// A readiness check that has not answered in time: an orchestrator's probe gives up after a
/// second or two, so the answer must come before that rather than when a driver gives up.
struct ReadinessTimeout: Error, CustomStringConvertible {
    let after: Duration
    var description: String { "no answer within \(after)" }

    /// Runs `check`, failing with `ReadinessTimeout` when it takes longer than `limit`.
    static func run(_ check: any ReadinessCheck, limit: Duration) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await check.check() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw ReadinessTimeout(after: limit)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
