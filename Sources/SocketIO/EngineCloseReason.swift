/// Why an Engine.IO session ended (the reference server's reason strings).
public enum EngineCloseReason: String, Sendable, Equatable {
    /// The client sent a `close` packet or its transport went away.
    case transportClose = "transport close"
    /// The client broke the transport rules (overlapping requests, bad upgrade).
    case transportError = "transport error"
    /// No pong within `pingTimeout`.
    case pingTimeout = "ping timeout"
    /// The client sent a packet that does not decode.
    case parseError = "parse error"
    /// The server closed the session.
    case forcedClose = "forced close"
    /// The receiver did not drain its bounded send queue in time.
    case sendQueueOverflow = "send queue overflow"
}
