import Foundation
import ParleyCore

/// An `authSessions` document. Optional fields are written as null and read back from either
/// null or a missing key.
struct AuthSessionDocument: Codable, Equatable {
    var id: ObjectId
    var userId: ObjectId
    var createdAt: Date
    var lastUsedAt: Date
    var expiresAt: Date
    var revokedAt: Date?
    var userAgent: String?
    var ipAddress: String?

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case userId, createdAt, lastUsedAt, expiresAt, revokedAt, userAgent, ipAddress
    }

    init(_ session: AuthSession) {
        id = session.id
        userId = session.userId
        createdAt = session.createdAt
        lastUsedAt = session.lastUsedAt
        expiresAt = session.expiresAt
        revokedAt = session.revokedAt
        userAgent = session.userAgent
        ipAddress = session.ipAddress
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ObjectId.self, forKey: .id)
        userId = try container.decode(ObjectId.self, forKey: .userId)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        // A session that was never refreshed was last used when it was created.
        lastUsedAt = try container.decodeIfPresent(Date.self, forKey: .lastUsedAt) ?? createdAt
        expiresAt = try container.decode(Date.self, forKey: .expiresAt)
        revokedAt = try container.decodeIfPresent(Date.self, forKey: .revokedAt)
        userAgent = try container.decodeIfPresent(String.self, forKey: .userAgent)
        ipAddress = try container.decodeIfPresent(String.self, forKey: .ipAddress)
    }

    var session: AuthSession {
        AuthSession(
            id: id, userId: userId, createdAt: createdAt, lastUsedAt: lastUsedAt, expiresAt: expiresAt,
            revokedAt: revokedAt, userAgent: userAgent, ipAddress: ipAddress)
    }
}
