/// Failures that both engines report the same way, so services never see engine details.
public enum StoreError: Error, Equatable, Sendable {
    /// A unique index refused the write. `field` names the unique field ("username", "email", …).
    case duplicate(field: String)
    /// The engine cannot be reached or refused to work; the text is for logs, not clients.
    case unavailable(String)
    /// Stored data could not be read back into a model; the text is for logs, not clients.
    case corrupt(String)
}
