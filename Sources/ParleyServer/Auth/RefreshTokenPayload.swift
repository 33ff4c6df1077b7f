import JWTKit

/// Claims of a refresh token: the user, the stored session it is bound to (`sid`), a unique
/// `jti`, and `type: "refresh"`. Signed with its own secret.
struct RefreshTokenPayload: JWTPayload {
    static let typeValue = "refresh"

    var userId: String
    var sid: String
    var jti: String
    var type: String
    var iat: IssuedAtClaim
    var exp: ExpirationClaim

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
        guard type == Self.typeValue else { throw JWTError.claimVerificationFailure(failedClaim: nil, reason: "not a refresh token") }
    }
}
