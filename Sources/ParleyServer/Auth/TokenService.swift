import Foundation
import JWTKit
import ParleyCore

/// Signs and verifies the two token kinds, each with its own HS256 secret.
public struct TokenService: Sendable {
    private let accessKeys: JWTKeyCollection
    private let refreshKeys: JWTKeyCollection
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

    /// The user (and session) an access token names, or nil when it is not a valid, unexpired
    /// access token.
    func verifyAccessToken(_ token: String) async -> (userId: ObjectId, sessionId: ObjectId?)? {
        guard let payload = try? await accessKeys.verify(token, as: AccessTokenPayload.self),
            let userId = ObjectId(payload.userId)
        else { return nil }
        return (userId, payload.sid.flatMap(ObjectId.init))
    }

    /// The (user, session) a refresh token names, or nil when it is not a valid refresh token.
    func verifyRefreshToken(_ token: String) async -> (userId: ObjectId, sessionId: ObjectId)? {
        guard let payload = try? await refreshKeys.verify(token, as: RefreshTokenPayload.self),
            let userId = ObjectId(payload.userId), let sessionId = ObjectId(payload.sid)
        else { return nil }
        return (userId, sessionId)
    }
}
