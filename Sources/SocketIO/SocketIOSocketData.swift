/// Per-socket storage for the application (for example the authenticated user id).
public final class SocketIOSocketData: Sendable {
    private let values = Locked<[String: any Sendable]>([:])

    init() {}

    /// Every value, for a session kept for recovery.
    var snapshot: [String: any Sendable] { values.withLock { $0 } }

    /// Puts back the values of a recovered session.
    func restore(_ snapshot: [String: any Sendable]) {
        values.withLock { $0.merge(snapshot) { current, _ in current } }
    }

    public subscript(key: String) -> (any Sendable)? {
        get { values.withLock { $0[key] } }
        set { values.withLock { $0[key] = newValue } }
    }
}
