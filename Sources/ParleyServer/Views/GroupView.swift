import ParleyCore

/// A group on the wire (the old `GroupModel.toResponse`). Outsiders of a private group see its
/// public face only: no member or admin lists.
struct GroupView: Encodable, Sendable {
    let group: Group
    let showMembers: Bool

    init(_ group: Group, principal: Principal) {
        self.group = group
        self.showMembers = GroupPermissions.canRead(group, principal: principal)
    }

    enum CodingKeys: String, CodingKey {
        case id = "_id", name, description, category, members, admins, isActive, status, isPrivate, maxMembers
        case createdAt, updatedAt, createdBy, avatar, tags, rules, memberCount, isArchived, archivedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group.id.hexString, forKey: .id)
        try container.encode(group.name, forKey: .name)
        try container.encode(group.description, forKey: .description)
        try container.encode(group.category, forKey: .category)
        try container.encode(showMembers ? group.members.map(GroupMemberView.init) : [], forKey: .members)
        try container.encode(showMembers ? group.admins.map(\.hexString) : [], forKey: .admins)
        try container.encode(group.isActive, forKey: .isActive)
        try container.encode(group.status, forKey: .status)
        try container.encode(group.isPrivate, forKey: .isPrivate)
        try container.encode(group.maxMembers, forKey: .maxMembers)
        try container.encode(WireDate.string(group.createdAt), forKey: .createdAt)
        try container.encode(WireDate.string(group.updatedAt), forKey: .updatedAt)
        try container.encode(group.createdBy.hexString, forKey: .createdBy)
        try container.encode(group.avatar, forKey: .avatar)
        try container.encode(group.tags, forKey: .tags)
        try container.encode(group.rules, forKey: .rules)
        try container.encode(group.members.count, forKey: .memberCount)
        try container.encode(group.isArchived, forKey: .isArchived)
        try container.encode(group.archivedAt.map(WireDate.string), forKey: .archivedAt)
    }
}

/// `{userId, username, role, joinedAt}`.
struct GroupMemberView: Encodable, Sendable {
    let userId: String
    let username: String
    let role: String
    let joinedAt: String

    init(_ member: GroupMember) {
        self.userId = member.userId.hexString
        self.username = member.username
        self.role = member.role.rawValue
        self.joinedAt = WireDate.string(member.joinedAt)
    }
}

/// The short group form of `/api/users/:id/groups` and `/api/client/groups` (the old
/// RawGroupSummary): no defaults applied, no status or privacy fields.
struct GroupSummaryView: Encodable, Sendable {
    let id: String
    let name: String
    let description: String
    let category: String
    let members: [GroupMemberView]
    let admins: [String]
    let isActive: Bool
    let createdAt: String
    let updatedAt: String

    enum CodingKeys: String, CodingKey { case id = "_id", name, description, category, members, admins, isActive, createdAt, updatedAt }

    init(_ group: Group) {
        self.id = group.id.hexString
        self.name = group.name
        self.description = group.description
        self.category = group.category
        self.members = group.members.map(GroupMemberView.init)
        self.admins = group.admins.map(\.hexString)
        self.isActive = group.isActive
        self.createdAt = WireDate.string(group.createdAt)
        self.updatedAt = WireDate.string(group.updatedAt)
    }
}

/// `{groups, total, page, pages}` (plus `limit`).
struct GroupListView: Encodable, Sendable {
    let groups: [GroupView]
    let total: Int
    let page: Int
    let pages: Int
    let limit: Int
}
