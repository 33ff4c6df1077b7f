import ParleyCore

/// `GET /api/client/profile`: the user with `avatarUrl` (the old name) and `avatar` (what the
/// Angular client reads).
struct ClientProfileView: Encodable, Sendable {
    let user: User

    enum CodingKeys: String, CodingKey {
        case id = "_id", username, email, avatarUrl, avatar, bio, phone, address, roles, groups, isActive, createdAt, updatedAt, lastLogin
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user.id.hexString, forKey: .id)
        try container.encode(user.username, forKey: .username)
        try container.encode(user.email, forKey: .email)
        try container.encode(user.avatar, forKey: .avatarUrl)
        try container.encode(user.avatar, forKey: .avatar)
        try container.encode(user.bio, forKey: .bio)
        try container.encode(user.phone, forKey: .phone)
        try container.encode(user.address, forKey: .address)
        try container.encode(user.roles.map(\.rawValue), forKey: .roles)
        try container.encode(user.groups.map(\.hexString), forKey: .groups)
        try container.encode(user.isActive, forKey: .isActive)
        try container.encode(WireDate.string(user.createdAt), forKey: .createdAt)
        try container.encode(WireDate.string(user.updatedAt), forKey: .updatedAt)
        try container.encodeIfPresent(user.lastLogin.map(WireDate.string), forKey: .lastLogin)
    }
}

/// One signed-in session of the caller.
struct SessionView: Encodable, Sendable {
    let id: String
    let createdAt: String
    let lastUsedAt: String
    let expiresAt: String
    let userAgent: String?
    let ipAddress: String?
    let current: Bool

    enum CodingKeys: String, CodingKey { case id = "_id", createdAt, lastUsedAt, expiresAt, userAgent, ipAddress, current }

    init(_ session: AuthSession, current: ObjectId?) {
        id = session.id.hexString
        createdAt = WireDate.string(session.createdAt)
        lastUsedAt = WireDate.string(session.lastUsedAt)
        expiresAt = WireDate.string(session.expiresAt)
        userAgent = session.userAgent
        ipAddress = session.ipAddress
        self.current = session.id == current
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(lastUsedAt, forKey: .lastUsedAt)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(userAgent, forKey: .userAgent)
        try container.encode(ipAddress, forKey: .ipAddress)
        try container.encode(current, forKey: .current)
    }
}

/// Settings as the client reads them: stored values merged over the defaults.
struct SettingsView: Encodable, Sendable {
    let values: [String: JSONValue]

    func encode(to encoder: any Encoder) throws {
        try values.encode(to: encoder)
    }
}

/// `GET /api/client/status`.
struct StatusView: Encodable, Sendable {
    let status: String
    let updatedAt: String
}

/// The caller's data export.
struct ClientExportView: Encodable, Sendable {
    let exportedAt: String
    let profile: ClientProfileView
    let groups: [GroupSummaryView]
    let channels: [ChannelView]
    let notifications: [NotificationView]
    let settings: [String: JSONValue]
    let preferences: [String: JSONValue]
    let activity: [ActivityView]
    let sessions: [SessionView]
}
