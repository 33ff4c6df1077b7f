import ParleyCore

/// A user whose CONNECT was accepted, kept until their socket is prepared: the rooms a
/// recovery check already loaded are reused instead of read again.
struct PendingUser: Sendable {
    let user: User
    /// The auth session of the token the socket connected with (revoking it disconnects it).
    let sessionId: ObjectId
    let since: ContinuousClock.Instant
    var access: GatewayAccess.Rooms?
}
