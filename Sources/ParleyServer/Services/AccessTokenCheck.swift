import ParleyCore

/// The outcome of checking an access token against the store.
enum AccessTokenCheck: Sendable {
    case valid(User, sessionId: ObjectId)
    /// Not a valid, unexpired access token of a live session (a refresh token is not one).
    case invalidToken
    /// The token is genuine but names no user (deleted since).
    case unknownUser
    /// The token is genuine but its user is deactivated.
    case inactiveUser
}
