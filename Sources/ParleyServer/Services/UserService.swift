import Foundation
import ParleyCore
import ParleyStore

/// Account management under the permission table of COMPATIBILITY.md. Every method takes the
/// caller and checks it here, whatever the route in front already checked.
public struct UserService: Sendable {
    let store: any Store
    let hasher: PasswordHasher
    let events: any EventBus
    /// Any change to an account drops its cached copy: the cached user names the author of new
    /// messages, and only administrative changes publish `accountChanged`.
    var callers = CallerCache.off()

    static let notFound = DomainError.notFound("User not found")

    func list(principal: Principal, query: UserQuery) async throws -> Page<User> {
        try UserPermissions.requireManageUsers(principal)
        return try await store.users.list(query)
    }

    /// A user as the caller may see them: private fields for themself and administrators.
    func get(principal: Principal, id: ObjectId) async throws -> (User, UserView.Visibility) {
        guard let user = try await store.users.find(id: id) else { throw Self.notFound }
        let visibility: UserView.Visibility =
            UserPermissions.canSeePrivateFields(of: id, principal: principal) ? .private : .public
        return (user, visibility)
    }

    /// `urls` decides which avatar URLs are this server's uploads.
    func create(principal: Principal, account: NewAccount, urls: AttachmentURLPolicy) async throws -> User {
        try UserPermissions.requireManageUsers(principal)
        try AccountRules.validate(username: account.username, email: account.email, password: account.password)
        try AccountRules.validate(roles: account.roles)
        try AccountRules.validate(profile: account.profile)
        try urls.check(change: account.profile.avatar, field: "avatar")
        let user = User(
            username: account.username, email: UserValidation.normalizeEmail(account.email),
            passwordHash: try await hasher.hash(account.password), roles: account.roles, isActive: account.isActive,
            avatar: account.profile.avatar ?? nil, bio: account.profile.bio ?? nil,
            phone: account.profile.phone ?? nil, address: account.profile.address ?? nil)
        do {
            try await store.users.insert(user)
        } catch let error as StoreError {
            throw AccountRules.conflict(from: error)
        }
        return user
    }

    /// Self-service edits touch profile fields only; roles and isActive need a super_admin.
    /// An avatar must be one of this server's uploads (`urls`).
    func update(principal: Principal, id: ObjectId, update: UserUpdate, urls: AttachmentURLPolicy) async throws -> User {
        guard UserPermissions.canEditProfile(of: id, principal: principal) else {
            throw DomainError.forbidden("You can only update your own profile")
        }
        if update.touchesAdministrativeFields && !UserPermissions.canChangeRolesOrStatus(principal) {
            throw DomainError.forbidden("Only a super admin can change roles or account status")
        }
        try AccountRules.validate(profile: update.profile)
        try await checkAvatar(update.profile.avatar, of: id, urls: urls)
        if let roles = update.roles { try AccountRules.validate(roles: roles) }
        if principal.userId == id, update.isActive == false {
            throw DomainError.validation("You cannot deactivate your own account")
        }
        if principal.userId == id, let roles = update.roles, !roles.contains(.superAdmin), principal.isSuperAdmin {
            // A super_admin demoting themself could leave nobody able to administer the server.
            try await requireAnotherActiveSuperAdmin(than: id)
        }

        let changes = UserChanges(
            username: update.profile.username, email: update.profile.email.map(UserValidation.normalizeEmail),
            roles: update.roles, isActive: update.isActive, avatar: update.profile.avatar, bio: update.profile.bio,
            phone: update.profile.phone, address: update.profile.address)
        let updated: User?
        do {
            updated = try await store.users.update(id: id, changes, at: Date())
        } catch let error as StoreError {
            throw AccountRules.conflict(from: error)
        }
        guard let updated else { throw Self.notFound }
        callers.forgetUser(id)
        if update.isActive == false {
            _ = try await store.sessions.revokeAll(userId: id, at: Date())
        }
        if update.touchesAdministrativeFields { events.publish(.accountChanged(userId: id)) }
        return updated
    }

    /// `DELETE /api/users/:id` deactivates the account and signs out all its sessions.
    func deactivate(principal: Principal, id: ObjectId) async throws {
        try UserPermissions.requireManageUsers(principal)
        guard principal.userId != id else { throw DomainError.validation("You cannot delete your own account") }
        guard try await store.users.update(id: id, UserChanges(isActive: false), at: Date()) != nil else {
            throw Self.notFound
        }
        _ = try await store.sessions.revokeAll(userId: id, at: Date())
        events.publish(.accountChanged(userId: id))
    }

    /// The groups a user belongs to. The user themself and a super_admin see all of them; a
    /// group_admin only those they may see anyway (public ones and their own), and a group's
    /// member list only where they are in it, so a private group never shows through; a plain
    /// user nobody else's.
    func groups(principal: Principal, id: ObjectId) async throws -> [Group] {
        guard principal.userId == id || principal.isAnyAdmin else { throw UserPermissions.insufficient }
        guard let user = try await store.users.find(id: id) else { throw Self.notFound }
        let groups = try await store.groups.find(ids: user.groups).filter { !$0.isArchived }
        guard principal.userId != id, !principal.isSuperAdmin else { return groups }
        return groups.compactMap { group in
            if group.isMember(principal.userId) { return group }
            guard !group.isPrivate else { return nil }
            var outline = group
            outline.members = []
            return outline
        }
    }

    /// Active accounts whose username (or, for a super_admin, email) contains `text`
    /// (literally, ignoring case).
    func search(principal: Principal, text: String, limit: Int) async throws -> [User] {
        guard text.count <= 100 else { throw DomainError.validation("Search query must be at most 100 characters") }
        let query = UserQuery(search: text, searchesEmail: principal.isSuperAdmin, isActive: true, page: PageRequest(limit: limit))
        return try await store.users.list(query).items
    }

    /// Account figures: over everyone for a super_admin, over the members of the groups a
    /// group_admin administers for them.
    func counts(principal: Principal) async throws -> UserCounts {
        guard principal.isAnyAdmin else { throw UserPermissions.insufficient }
        let weekAgo = Date().addingTimeInterval(-7 * 24 * 3600)
        guard let scope = try await AdminScope.of(principal, in: store) else {
            return try await store.users.counts(activeSince: weekAgo, createdSince: weekAgo)
        }
        return try await scope.userCounts(in: store, activeSince: weekAgo, createdSince: weekAgo)
    }

    /// Accounts by id, for member lists (the caller has already been allowed to see the list).
    func publicProfiles(ids: [ObjectId]) async throws -> [User] {
        try await store.users.find(ids: ids).sorted { $0.username.lowercased() < $1.username.lowercased() }
    }

    /// The public avatar lookup; an unknown or malformed id is simply "not found".
    func avatar(id: ObjectId) async throws -> String? {
        guard let user = try await store.users.find(id: id) else { throw Self.notFound }
        guard let avatar = user.avatar, !avatar.isEmpty else { return nil }
        return avatar
    }

    /// Creates the first super_admin when the store has none (start-up and `create-admin`).
    /// Returns the new account, or nil when a super_admin already exists.
    func bootstrapAdmin(_ admin: AdminAccount) async throws -> User? {
        guard try await store.users.count(role: .superAdmin) == 0 else { return nil }
        try AccountRules.validate(username: admin.username, email: admin.email, password: admin.password)
        let user = User(
            username: admin.username, email: UserValidation.normalizeEmail(admin.email),
            passwordHash: try await hasher.hash(admin.password), roles: [.superAdmin])
        do {
            try await store.users.insert(user)
        } catch let error as StoreError {
            throw AccountRules.conflict(from: error)
        }
        return user
    }

    /// A new avatar must be one of this server's uploads; the one the account already has may be
    /// sent back unchanged (seeded and older accounts may hold another site's URL).
    private func checkAvatar(_ change: String??, of id: ObjectId, urls: AttachmentURLPolicy) async throws {
        guard case .some(.some(let avatar)) = change, !avatar.isEmpty, !urls.isOwnUpload(avatar) else { return }
        guard try await store.users.find(id: id)?.avatar != avatar else { return }
        try urls.check(avatar, field: "avatar")
    }

    private func requireAnotherActiveSuperAdmin(than id: ObjectId) async throws {
        let others = try await store.users.list(UserQuery(isActive: true, role: .superAdmin, page: PageRequest(limit: 2)))
        guard others.items.contains(where: { $0.id != id }) else {
            throw DomainError.validation("The last active super admin cannot remove their own super_admin role")
        }
    }
}
