import JWTKit

/// Claims of an access token: the old server's `userId, username, email, roles`, plus a `type`
/// claim so that a refresh token can never pass as one (and the reverse).
struct AccessTokenPayload: JWTPayload {
    static let typeValue = "access"

    var userId: String
    var username: String
    var email: String
    var roles: [String]
    /// The session the token was issued for: the token is refused once that session is revoked,
    /// and "sign out my other sessions" keeps this one. Tokens without it do not decode.
    var sid: String
    var type: String
    var iat: IssuedAtClaim
    var exp: ExpirationClaim

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
        guard type == Self.typeValue else { throw JWTError.claimVerificationFailure(failedClaim: nil, reason: "not an access token") }
    }
}
