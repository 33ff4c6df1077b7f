import Synchronization

/// What inner middleware learns about a request that the outer request log needs: the
/// context is copied inward, so a value set by `AuthenticationMiddleware` on its copy would
/// never reach the log line; this shared box does.
public final class RequestTrace: Sendable {
    private let user = Mutex<String?>(nil)

    public init() {}

    /// The authenticated caller's id, once known.
    public var userId: String? {
        get { user.withLock { $0 } }
        set { user.withLock { $0 = newValue } }
    }
}
