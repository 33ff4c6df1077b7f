import ParleyCore

struct ActivityView: Encodable, Sendable {
    let entry: ActivityEntry

    init(_ entry: ActivityEntry) { self.entry = entry }

    enum CodingKeys: String, CodingKey {
        case id = "_id", userId, username, action, targetType, targetId, details, isAdministrative, createdAt, timestamp
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.id.hexString, forKey: .id)
        try container.encode(entry.actorId.hexString, forKey: .userId)
        try container.encode(entry.actorName, forKey: .username)
        try container.encode(entry.action, forKey: .action)
        try container.encode(entry.targetType, forKey: .targetType)
        try container.encode(entry.targetId?.hexString, forKey: .targetId)
        try container.encode(entry.details, forKey: .details)
        try container.encode(entry.isAdministrative, forKey: .isAdministrative)
        try container.encode(WireDate.string(entry.createdAt), forKey: .createdAt)
        try container.encode(WireDate.string(entry.createdAt), forKey: .timestamp)
    }
}

/// A paged list for the admin log: `{logs, total, page, pages, limit}`.
struct ActivityListView: Encodable, Sendable {
    let logs: [ActivityView]
    let total: Int
    let page: Int
    let pages: Int
    let limit: Int
}
