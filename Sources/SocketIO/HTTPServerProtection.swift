import Synchronization

/// The limits and the count of open connections, shared by every listener of the process:
/// the descriptor limit they protect is the process's, not one listener's.
///
/// The count is per process by nature (descriptors are), so it needs no cluster-wide store.
public final class HTTPServerProtection: Sendable {
    public let limits: HTTPConnectionLimits
    private let open = Atomic<Int>(0)

    public init(limits: HTTPConnectionLimits = HTTPConnectionLimits()) {
        self.limits = limits
    }

    /// Counts a new connection in; false when the limit is reached (nothing is counted then).
    func admit() -> Bool {
        var current = open.load(ordering: .relaxed)
        while current < limits.maxConnections {
            let (exchanged, original) = open.compareExchange(
                expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// Counts an admitted connection out once it has closed.
    func release() {
        open.subtract(1, ordering: .relaxed)
    }

    /// Connections open now (admitted and not yet closed).
    public var openConnections: Int { open.load(ordering: .relaxed) }
}
