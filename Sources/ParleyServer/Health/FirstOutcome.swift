import Synchronization

/// Resumes a continuation with whichever of several racing results arrives first, and ignores
/// the rest (a continuation must be resumed exactly once).
final class FirstOutcome: Sendable {
    private let continuation: Mutex<CheckedContinuation<Void, any Error>?>

    init(_ continuation: CheckedContinuation<Void, any Error>) {
        self.continuation = Mutex(continuation)
    }

    func settle(_ result: Result<Void, any Error>) {
        let waiting = continuation.withLock { stored in
            defer { stored = nil }
            return stored
        }
        waiting?.resume(with: result)
    }
}
