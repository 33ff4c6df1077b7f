import Foundation
import ParleyCore

/// Filters for listing users. `search` is matched literally (never as a pattern) and without
/// regard to case against username, and against email when `searchesEmail` (for callers who
/// may see emails: matching them for anyone else would reveal them a guess at a time).
public struct UserQuery: Sendable, Equatable {
    public var search: String?
    public var searchesEmail: Bool
    public var isActive: Bool?
    public var role: Role?
    public var page: PageRequest

    public init(
        search: String? = nil, searchesEmail: Bool = true, isActive: Bool? = nil, role: Role? = nil, page: PageRequest = PageRequest()
    ) {
        self.search = search
        self.searchesEmail = searchesEmail
        self.isActive = isActive
        self.role = role
        self.page = page
    }
}

/// A partial update: only the fields that are set are written; `updatedAt` always is.
/// Optional fields use a double optional so that "set to null" differs from "leave alone".
public struct UserChanges: Sendable, Equatable {
    public var username: String?
    public var email: String?
    public var passwordHash: String?
    public var roles: [Role]?
    public var isActive: Bool?
    public var lastLogin: Date?
    public var avatar: String??
    public var bio: String??
    public var phone: String??
    public var address: String??

    public init(
        username: String? = nil, email: String? = nil, passwordHash: String? = nil, roles: [Role]? = nil,
        isActive: Bool? = nil, lastLogin: Date? = nil, avatar: String?? = nil, bio: String?? = nil,
        phone: String?? = nil, address: String?? = nil
    ) {
        self.username = username
        self.email = email
        self.passwordHash = passwordHash
        self.roles = roles
        self.isActive = isActive
        self.lastLogin = lastLogin
        self.avatar = avatar
        self.bio = bio
        self.phone = phone
        self.address = address
    }

    public var isEmpty: Bool { self == UserChanges() }
}

/// The users aggregate. `User.groups` is read from group membership; insert and update do not
/// write it (the group store keeps it in step). Usernames and emails are unique without regard to case; a write that
/// breaks that throws `StoreError.duplicate(field:)`.
public protocol UserStore: Sendable {
    func insert(_ user: User) async throws
    func find(id: ObjectId) async throws -> User?
    /// The users among `ids` that exist, in no particular order.
    func find(ids: [ObjectId]) async throws -> [User]
    /// Finds by username or by email, without regard to case.
    func find(login: String) async throws -> User?
    func update(id: ObjectId, _ changes: UserChanges, at date: Date) async throws -> User?
    func delete(id: ObjectId) async throws -> Bool
    func list(_ query: UserQuery) async throws -> Page<User>
    func count(role: Role) async throws -> Int
    /// Figures for dashboards: `recentlyActive` counts active users whose last login is at or
    /// after `activeSince`; `createdSince` counts users created at or after that date.
    func counts(activeSince: Date, createdSince: Date) async throws -> UserCounts
}

public struct UserCounts: Sendable, Equatable {
    public var total: Int
    public var active: Int
    public var recentlyActive: Int
    public var createdSince: Int
    public var superAdmins: Int
    public var groupAdmins: Int

    public init(total: Int, active: Int, recentlyActive: Int, createdSince: Int, superAdmins: Int, groupAdmins: Int) {
        self.total = total
        self.active = active
        self.recentlyActive = recentlyActive
        self.createdSince = createdSince
        self.superAdmins = superAdmins
        self.groupAdmins = groupAdmins
    }
}
