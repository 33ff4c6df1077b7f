import Foundation

/// A member's role inside one group.
public enum GroupMemberRole: String, Codable, Sendable, CaseIterable {
    case admin
    case member
}

/// One entry of `group.members`, as the clients read it.
public struct GroupMember: Codable, Sendable, Equatable {
    public var userId: ObjectId
    public var username: String
    public var role: GroupMemberRole
    public var joinedAt: Date

    public init(userId: ObjectId, username: String, role: GroupMemberRole = .member, joinedAt: Date = Date()) {
        self.userId = userId
        self.username = username
        self.role = role
        self.joinedAt = joinedAt
    }
}

/// A group: a set of members, some of them its administrators, owning channels.
/// Members are kept once each; a group's admins are the members whose role is `admin`, so the
/// two lists the old server kept apart can no longer disagree.
public struct Group: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var name: String
    public var description: String
    public var category: String
    /// `active`, `inactive` or `pending`, as the admin screens set it.
    public var status: String
    public var isPrivate: Bool
    public var isActive: Bool
    public var maxMembers: Int?
    public var avatar: String?
    public var tags: [String]?
    public var rules: [String]?
    public var createdBy: ObjectId
    public var createdAt: Date
    public var updatedAt: Date
    /// Set when the group is deleted: archived groups answer 404 to everyone but admins.
    public var archivedAt: Date?
    public var members: [GroupMember]

    public init(
        id: ObjectId = ObjectId(), name: String, description: String = "", category: String = "general",
        status: String = "active", isPrivate: Bool = false, isActive: Bool = true, maxMembers: Int? = nil,
        avatar: String? = nil, tags: [String]? = nil, rules: [String]? = nil, createdBy: ObjectId,
        createdAt: Date = Date(), updatedAt: Date? = nil, archivedAt: Date? = nil, members: [GroupMember] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.category = category
        self.status = status
        self.isPrivate = isPrivate
        self.isActive = isActive
        self.maxMembers = maxMembers
        self.avatar = avatar
        self.tags = tags
        self.rules = rules
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.archivedAt = archivedAt
        self.members = members
    }

    public var isArchived: Bool { archivedAt != nil }
    public var admins: [ObjectId] { members.filter { $0.role == .admin }.map(\.userId) }

    public func member(_ userId: ObjectId) -> GroupMember? {
        members.first { $0.userId == userId }
    }

    public func isMember(_ userId: ObjectId) -> Bool { member(userId) != nil }
    public func isAdmin(_ userId: ObjectId) -> Bool { member(userId)?.role == .admin }
}

/// The statuses a group may be given.
public enum GroupStatus {
    public static let allowed: Set<String> = ["active", "inactive", "pending"]
}
