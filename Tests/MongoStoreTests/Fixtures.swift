import Foundation
import ParleyCore

/// Shared test values. Dates have whole milliseconds, the precision BSON keeps.
enum Fixtures {
    static let createdAt = Date(timeIntervalSince1970: 1_700_000_000.123)
    static let updatedAt = Date(timeIntervalSince1970: 1_700_000_100.456)
    static let lastLogin = Date(timeIntervalSince1970: 1_700_000_200.789)
    static let userId = ObjectId("5f1d7f3a9b1e8a0012345678") ?? ObjectId()
    static let groupId = ObjectId("5f1d7f3a9b1e8a00abcdef01") ?? ObjectId()

    static let otherUserId = ObjectId("5f1d7f3a9b1e8a0012345679") ?? ObjectId()
    static let channelId = ObjectId("5f1d7f3a9b1e8a00cccccc01") ?? ObjectId()
    static let requestId = ObjectId("5f1d7f3a9b1e8a00dddddd01") ?? ObjectId()

    static var group: Group {
        Group(
            id: groupId, name: "Swift", description: "All things Swift", category: "tech", status: "active",
            isPrivate: true, isActive: true, maxMembers: 50, avatar: nil, tags: ["ios", "server"], rules: nil,
            createdBy: userId, createdAt: createdAt, updatedAt: updatedAt, archivedAt: nil,
            members: [
                GroupMember(userId: userId, username: "alice", role: .admin, joinedAt: createdAt),
                GroupMember(userId: otherUserId, username: "bob", role: .member, joinedAt: updatedAt),
            ])
    }

    static var channel: Channel {
        Channel(
            id: channelId, groupId: groupId, name: "general", description: "Chat", type: "text", isPrivate: false,
            isActive: true, maxMembers: nil, settings: ChannelSettings(slowMode: 5), members: [userId, otherUserId],
            admins: [userId], createdBy: userId, createdAt: createdAt, updatedAt: updatedAt, archivedAt: nil)
    }

    static var request: GroupRequest {
        GroupRequest(
            id: requestId, userId: otherUserId, username: "bob", userEmail: "bob@example.com", groupId: groupId,
            groupName: "Swift", requestType: "request_invite", status: .pending, message: "let me in", reason: nil,
            requestedAt: createdAt)
    }

    static var user: User {
        User(
            id: userId, username: "alice", email: "alice@example.com", passwordHash: "$2b$10$abcdefghijklmnopqrstuv",
            roles: [.user, .groupAdmin], groups: [groupId], isActive: true, createdAt: createdAt, updatedAt: updatedAt,
            lastLogin: lastLogin, avatar: "/uploads/avatars/a.png", bio: "Hi", phone: nil, address: nil)
    }

    static var session: AuthSession {
        AuthSession(
            id: ObjectId("6a0000000000000000000001") ?? ObjectId(), userId: userId, createdAt: createdAt,
            lastUsedAt: updatedAt, expiresAt: Date(timeIntervalSince1970: 1_700_604_800.5), revokedAt: nil,
            userAgent: "Mozilla/5.0", ipAddress: "127.0.0.1")
    }
}
