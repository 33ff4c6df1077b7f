import Foundation
import JWTKit
import ParleyCore

/// Signs and verifies the two token kinds, each with its own HS256 secret.
public struct TokenService: Sendable {
    /// The only algorithm a token may name in its header.
    static let algorithm = "HS256"

    private let accessKeys: JWTKeyCollection
    private let refreshKeys: JWTKeyCollection
    /// Shared by every copy of the service: tokens verified before, until they expire.
    private let verifiedAccessTokens = VerifiedTokenCache()
    let accessLifetime: Duration
    let refreshLifetime: Duration

    public init(accessSecret: String, refreshSecret: String, accessLifetime: Duration, refreshLifetime: Duration) async {
        self.accessKeys = await JWTKeyCollection().add(hmac: HMACKey(from: accessSecret), digestAlgorithm: .sha256)
        self.refreshKeys = await JWTKeyCollection().add(hmac: HMACKey(from: refreshSecret), digestAlgorithm: .sha256)
        self.accessLifetime = accessLifetime
        self.refreshLifetime = refreshLifetime
    }

    /// Seconds an access token lives, for the `expiresIn` field.
    var accessLifetimeSeconds: Int { Int(accessLifetime.components.seconds) }

    func accessToken(for user: User, session: AuthSession, now: Date = Date()) async throws -> String {
        let payload = AccessTokenPayload(
            userId: user.id.hexString, username: user.username, email: user.email, roles: user.roles.map(\.rawValue),
            sid: session.id.hexString, type: AccessTokenPayload.typeValue, iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: now.addingTimeInterval(TimeInterval(accessLifetime.components.seconds))))
        return try await accessKeys.sign(payload)
    }

    func refreshToken(for session: AuthSession, now: Date = Date()) async throws -> String {
        let payload = RefreshTokenPayload(
            userId: session.userId.hexString, sid: session.id.hexString, jti: ObjectId().hexString,
            type: RefreshTokenPayload.typeValue, iat: IssuedAtClaim(value: now), exp: ExpirationClaim(value: session.expiresAt))
        return try await refreshKeys.sign(payload)
    }

    /// The user and session an access token names, or nil when it is not a valid, unexpired
    /// access token.
    func verifyAccessToken(_ token: String) async -> (userId: ObjectId, sessionId: ObjectId)? {
        if let known = verifiedAccessTokens.claims(of: token) { return (known.userId, known.sessionId) }
        guard let payload = await Self.verify(token, with: accessKeys, as: AccessTokenPayload.self),
            let userId = ObjectId(payload.userId), let sessionId = ObjectId(payload.sid)
        else { return nil }
        verifiedAccessTokens.remember(token, .init(userId: userId, sessionId: sessionId, expiresAt: payload.exp.value))
        return (userId, sessionId)
    }

    /// The (user, session) a refresh token names, or nil when it is not a valid refresh token.
    func verifyRefreshToken(_ token: String) async -> (userId: ObjectId, sessionId: ObjectId)? {
        guard let payload = await Self.verify(token, with: refreshKeys, as: RefreshTokenPayload.self),
            let userId = ObjectId(payload.userId), let sessionId = ObjectId(payload.sid)
        else { return nil }
        return (userId, sessionId)
    }

    /// jwt-kit verifies with the key it holds whatever the header's `alg` says, so a token
    /// labelled RS256, ES256 or `none` over a valid HS256 signature would pass: the header is
    /// read and pinned here first.
    private static func verify<Payload: JWTPayload>(_ token: String, with keys: JWTKeyCollection, as type: Payload.Type) async -> Payload? {
        guard let parsed = try? DefaultJWTParser().parse(Array(token.utf8), as: type), parsed.header.alg == algorithm else {
            return nil
        }
        return try? await keys.verify(token, as: type)
    }
}
