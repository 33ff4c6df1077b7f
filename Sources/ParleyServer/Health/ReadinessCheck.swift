/// One dependency `/health/ready` waits for. The application passes in its list (the store;
/// a Redis bus adds its own), so the endpoint knows nothing of what is configured.
public protocol ReadinessCheck: Sendable {
    /// Names the check in the answer (`"store"`, `"redis"`).
    var name: String { get }
    /// Throws when the dependency cannot answer.
    func check() async throws
}
