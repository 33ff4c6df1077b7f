/// Per-socket storage for the application (for example the authenticated user id).
public final class SocketIOSocketData: Sendable {
    private let values = Locked<[String: any Sendable]>([:])

    init() {}

    public subscript(key: String) -> (any Sendable)? {
        get { values.withLock { $0[key] } }
        set { values.withLock { $0[key] = newValue } }
    }
}
