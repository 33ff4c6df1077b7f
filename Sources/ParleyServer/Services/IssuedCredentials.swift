import ParleyCore

/// A user with a fresh token pair, as login, register, refresh and change-password return.
struct IssuedCredentials: Sendable {
    let user: User
    let accessToken: String
    let refreshToken: String
    let expiresIn: Int
}
