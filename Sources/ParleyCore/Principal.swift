/// The authenticated caller, loaded from the store on every request so that role changes and
/// deactivation apply at once rather than when a token expires.
public struct Principal: Sendable, Equatable {
    public var userId: ObjectId
    public var username: String
    public var email: String
    public var roles: [Role]

    public init(userId: ObjectId, username: String, email: String, roles: [Role]) {
        self.userId = userId
        self.username = username
        self.email = email
        self.roles = roles
    }

    public init(user: User) {
        self.init(userId: user.id, username: user.username, email: user.email, roles: user.roles)
    }

    public var isSuperAdmin: Bool { roles.contains(.superAdmin) }
    public var isGroupAdmin: Bool { roles.contains(.groupAdmin) }
    /// super_admin or group_admin: may reach the admin dashboards (scoped for group admins).
    public var isAnyAdmin: Bool { isSuperAdmin || isGroupAdmin }
}
