/// A readiness check that has not answered in time: an orchestrator's probe gives up after a
/// second or two, so the answer must come before that rather than when a driver gives up.
struct ReadinessTimeout: Error, CustomStringConvertible {
    let after: Duration
    var description: String { "no answer within \(after)" }

    /// Runs `check`, failing with `ReadinessTimeout` when it takes longer than `limit`. The
    /// check runs in its own task and is left to finish on its own: a blocking driver call
    /// (libmongoc on the thread pool) ignores cancellation, and a task group would wait for it.
    static func run(_ check: any ReadinessCheck, limit: Duration) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome = FirstOutcome(continuation)
            let work = Task {
                do {
                    try await check.check()
                    outcome.settle(.success(()))
                } catch {
                    outcome.settle(.failure(error))
                }
            }
            Task {
                try? await Task.sleep(for: limit)
                outcome.settle(.failure(ReadinessTimeout(after: limit)))
                work.cancel()
            }
        }
    }
}
