/// Failures that both engines report the same way, so services never see engine details.
public enum StoreError: Error, Equatable, Sendable {
    /// A unique index refused the write. `field` names the unique field ("username", "email", …).
    case duplicate(field: String)
    /// The engine cannot be reached (or is not ready, e.g. shutting down); the text is for
    /// logs, not clients. Answered 503: trying again later may work.
    case unavailable(String)
    /// The engine answered but refused the command: a bug in Parley or in the stored data, not
    /// an outage. The text names the command and the engine's error, for logs only (a 500).
    case rejected(String)
    /// Stored data could not be read back into a model; the text is for logs, not clients.
    case corrupt(String)
}
