import Foundation

/// A signed-in session. Every refresh token names the session it belongs to; revoking the
/// session refuses all of its refresh tokens at once, while unrevoked older tokens of a live
/// session keep working (one of the Angular auth services keeps sending its first token).
public struct AuthSession: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var userId: ObjectId
    public var createdAt: Date
    public var lastUsedAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?
    public var userAgent: String?
    public var ipAddress: String?

    public init(
        id: ObjectId = ObjectId(),
        userId: ObjectId,
        createdAt: Date = Date(),
        lastUsedAt: Date? = nil,
        expiresAt: Date,
        revokedAt: Date? = nil,
        userAgent: String? = nil,
        ipAddress: String? = nil
    ) {
        self.id = id
        self.userId = userId
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt ?? createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.userAgent = userAgent
        self.ipAddress = ipAddress
    }

    public func isLive(at now: Date) -> Bool {
        revokedAt == nil && expiresAt > now
    }
}
