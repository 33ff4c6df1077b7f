import Synchronization

/// The open/closed state of one load client, and the wait for the server's answer to its
/// CONNECT: `wait` starts the client's loop and returns once `finish` is first called.
final class ConnectionGate: Sendable {
    private struct State {
        var waiting: CheckedContinuation<Bool, Never>?
        var isOpen = false
    }

    private let state = Mutex(State())

    func wait(running loop: @escaping @Sendable () async -> Void) async -> Bool {
        await withCheckedContinuation { continuation in
            state.withLock { $0.waiting = continuation }
            Task { await loop() }
        }
    }

    /// Accepted: the CONNECT was answered; not accepted: refused, or the connection ended.
    func finish(accepted: Bool) {
        let continuation = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            defer { state.waiting = nil }
            state.isOpen = accepted
            return state.waiting
        }
        continuation?.resume(returning: accepted)
    }

    var isOpen: Bool { state.withLock { $0.isOpen } }
}
