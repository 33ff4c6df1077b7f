import Foundation

/// A user account as the store keeps it. `passwordHash` never leaves the server: response
/// types are built from this model field by field, never by encoding it.
public struct User: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var username: String
    public var email: String
    public var passwordHash: String
    public var roles: [Role]
    /// Ids of the groups the user belongs to, kept in step with group membership by the services.
    public var groups: [ObjectId]
    public var isActive: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var lastLogin: Date?
    public var avatar: String?
    public var bio: String?
    public var phone: String?
    public var address: String?

    public init(
        id: ObjectId = ObjectId(),
        username: String,
        email: String,
        passwordHash: String,
        roles: [Role] = [.user],
        groups: [ObjectId] = [],
        isActive: Bool = true,
        createdAt: Date = Date(),
        updatedAt: Date? = nil,
        lastLogin: Date? = nil,
        avatar: String? = nil,
        bio: String? = nil,
        phone: String? = nil,
        address: String? = nil
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.passwordHash = passwordHash
        self.roles = roles
        self.groups = groups
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.lastLogin = lastLogin
        self.avatar = avatar
        self.bio = bio
        self.phone = phone
        self.address = address
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
}
