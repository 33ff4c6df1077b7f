/// Connection state recovery (the reference server's `connectionStateRecovery`, socket.io 4.6+):
/// a socket that loses its transport keeps its id, rooms and data for `window`, and a client
/// that comes back in time with its `pid` and the offset of the last event it saw gets the
/// same socket id back and, in order, every broadcast addressed to it that it missed.
///
/// Everything kept is bounded: the log of recent broadcasts (needed for the packets sent just
/// before the drop, which the client may not have received) and the buffer of each
/// disconnected session. A session whose buffer overflows is forgotten: its client starts a
/// new session, which it has to handle anyway.
public struct SocketIORecoveryConfiguration: Sendable, Equatable {
    /// How long a disconnected session is kept (`maxDisconnectionDuration`); broadcasts stay
    /// in the log as long.
    public var window: Duration
    /// Whether a recovering client skips the namespace's authorizers (`skipMiddlewares`). Off
    /// by default, unlike the reference: credentials may have been revoked in the meantime.
    public var skipsAuthorization: Bool
    /// Most broadcasts kept in the log, and their most encoded bytes.
    public var maxLoggedPackets: Int
    public var maxLoggedBytes: Int
    /// Most packets one session may have missed, and their most encoded bytes; past either
    /// the session cannot be recovered.
    public var maxSessionPackets: Int
    public var maxSessionBytes: Int
    /// Most disconnected sessions kept at once; the oldest is forgotten first.
    public var maxSessions: Int

    public init(
        window: Duration = .seconds(120), skipsAuthorization: Bool = false,
        maxLoggedPackets: Int = 10_000, maxLoggedBytes: Int = 16 << 20,
        maxSessionPackets: Int = 1_000, maxSessionBytes: Int = 1 << 20, maxSessions: Int = 10_000
    ) {
        self.window = window
        self.skipsAuthorization = skipsAuthorization
        self.maxLoggedPackets = maxLoggedPackets
        self.maxLoggedBytes = maxLoggedBytes
        self.maxSessionPackets = maxSessionPackets
        self.maxSessionBytes = maxSessionBytes
        self.maxSessions = maxSessions
    }
}
