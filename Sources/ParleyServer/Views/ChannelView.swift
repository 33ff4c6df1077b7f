import ParleyCore

/// A channel on the wire (the old `ChannelModel.toResponse`).
struct ChannelView: Encodable, Sendable {
    let channel: Channel

    init(_ channel: Channel) { self.channel = channel }

    enum CodingKeys: String, CodingKey {
        case id = "_id", name, description, groupId, type, isActive, isPrivate, members, admins, createdAt, updatedAt
        case createdBy, maxMembers, settings, memberCount, isArchived, archivedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channel.id.hexString, forKey: .id)
        try container.encode(channel.name, forKey: .name)
        try container.encode(channel.description, forKey: .description)
        try container.encode(channel.groupId.hexString, forKey: .groupId)
        try container.encode(channel.type, forKey: .type)
        try container.encode(channel.isActive, forKey: .isActive)
        try container.encode(channel.isPrivate, forKey: .isPrivate)
        try container.encode(channel.members.map(\.hexString), forKey: .members)
        try container.encode(channel.admins.map(\.hexString), forKey: .admins)
        try container.encode(WireDate.string(channel.createdAt), forKey: .createdAt)
        try container.encode(WireDate.string(channel.updatedAt), forKey: .updatedAt)
        try container.encode(channel.createdBy.hexString, forKey: .createdBy)
        try container.encode(channel.maxMembers, forKey: .maxMembers)
        try container.encode(channel.settings, forKey: .settings)
        try container.encode(channel.members.count, forKey: .memberCount)
        try container.encode(channel.isArchived, forKey: .isArchived)
        try container.encode(channel.archivedAt.map(WireDate.string), forKey: .archivedAt)
    }
}

/// `{channels, total, page, pages, limit}`.
struct ChannelListView: Encodable, Sendable {
    let channels: [ChannelView]
    let total: Int
    let page: Int
    let pages: Int
    let limit: Int
}
