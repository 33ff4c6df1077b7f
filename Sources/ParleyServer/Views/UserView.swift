import ParleyCore

/// A user on the wire (the old `UserModel.toResponse`). The hash is never among the fields.
/// The public view leaves out email, phone, address and last login: those are for the user
/// themself and a super_admin.
struct UserView: Encodable, Sendable {
    enum Visibility: Sendable { case `public`, `private` }

    let user: User
    let visibility: Visibility

    init(_ user: User, visibility: Visibility = .private) {
        self.user = user
        self.visibility = visibility
    }

    /// The user as `principal` may see them (the rule of `UserPermissions`).
    init(_ user: User, for principal: Principal) {
        self.init(user, visibility: UserPermissions.canSeePrivateFields(of: user.id, principal: principal) ? .private : .public)
    }

    enum CodingKeys: String, CodingKey {
        case id = "_id", username, email, roles, groups, isActive, createdAt, updatedAt, lastLogin
        case avatar, bio, phone, address
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user.id.hexString, forKey: .id)
        try container.encode(user.username, forKey: .username)
        try container.encode(user.roles.map(\.rawValue), forKey: .roles)
        try container.encode(user.groups.map(\.hexString), forKey: .groups)
        try container.encode(user.isActive, forKey: .isActive)
        try container.encode(WireDate.string(user.createdAt), forKey: .createdAt)
        try container.encode(WireDate.string(user.updatedAt), forKey: .updatedAt)
        // Unset optional fields are sent as null, as the old server stored and sent them.
        try container.encode(user.avatar, forKey: .avatar)
        try container.encode(user.bio, forKey: .bio)
        guard visibility == .private else { return }
        try container.encode(user.email, forKey: .email)
        try container.encode(user.phone, forKey: .phone)
        try container.encode(user.address, forKey: .address)
        // Omitted until the first login, as the old server did.
        try container.encodeIfPresent(user.lastLogin.map(WireDate.string), forKey: .lastLogin)
    }
}
