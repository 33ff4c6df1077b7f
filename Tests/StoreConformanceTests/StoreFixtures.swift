import Foundation
import ParleyCore
import ParleyStore

/// Builders shared by the conformance tests of the group-related aggregates. Every date is a
/// whole number of seconds from a fixed instant, so both engines store it exactly.
enum StoreFixtures {
    static let epoch = Date(timeIntervalSince1970: 1_736_899_200)

    /// `seconds` after the fixed instant.
    static func at(_ seconds: Double) -> Date { epoch.addingTimeInterval(seconds) }

    @discardableResult
    static func insertUser(_ store: any Store, _ name: String, roles: [Role] = [.user], created: Date = at(0)) async throws -> User {
        let user = User(
            username: name, email: "\(name.lowercased())@example.com", passwordHash: "$2b$10$abcdefghijklmnopqrstuv",
            roles: roles, createdAt: created)
        try await store.users.insert(user)
        return user
    }

    static func member(_ user: User, _ role: GroupMemberRole = .member, joined: Date = at(0)) -> GroupMember {
        GroupMember(userId: user.id, username: user.username, role: role, joinedAt: joined)
    }

    static func group(
        _ name: String, by creator: User, members: [GroupMember]? = nil, description: String = "", category: String = "general",
        isPrivate: Bool = false, created: Date = at(0)
    ) -> Group {
        Group(
            name: name, description: description, category: category, isPrivate: isPrivate, createdBy: creator.id,
            createdAt: created, members: members ?? [member(creator, .admin, joined: created)])
    }

    @discardableResult
    static func insertGroup(
        _ store: any Store, _ name: String, by creator: User, members: [GroupMember]? = nil, description: String = "",
        category: String = "general", isPrivate: Bool = false, created: Date = at(0)
    ) async throws -> Group {
        let group = group(
            name, by: creator, members: members, description: description, category: category, isPrivate: isPrivate,
            created: created)
        try await store.groups.insert(group)
        return group
    }

    @discardableResult
    static func insertChannel(
        _ store: any Store, _ name: String, in group: Group, by creator: User, members: [ObjectId] = [], type: String = "text",
        isPrivate: Bool = false, description: String = "", created: Date = at(0), archivedAt: Date? = nil
    ) async throws -> Channel {
        let channel = Channel(
            groupId: group.id, name: name, description: description, type: type, isPrivate: isPrivate, members: members,
            createdBy: creator.id, createdAt: created, archivedAt: archivedAt)
        try await store.channels.insert(channel)
        return channel
    }
}
