import Foundation
import ParleyCore
import ParleyStore

/// The signed-in user's own corner: profile, groups and channels, settings, status, sessions,
/// statistics and a data export. Every method works on the caller only.
public struct ClientService: Sendable {
    let store: any Store
    let users: UserService
    let channels: ChannelService
    let notifications: NotificationService
    let activity: ActivityRecorder
    let sessionRevoker: SessionRevoker

    static let presenceStatuses: Set<String> = ["online", "away", "busy", "offline"]

    func profile(principal: Principal) async throws -> User {
        guard let user = try await store.users.find(id: principal.userId) else { throw UserService.notFound }
        return user
    }

    /// Profile fields only: roles, status, groups and passwords cannot be set here.
    func updateProfile(principal: Principal, profile: ProfileChanges, urls: AttachmentURLPolicy) async throws -> User {
        try await users.update(principal: principal, id: principal.userId, update: UserUpdate(profile: profile), urls: urls)
    }

    func groups(principal: Principal) async throws -> [Group] {
        try await store.groups.list(GroupQuery(memberId: principal.userId, page: .everything)).items
    }

    func settings(principal: Principal) async throws -> UserSettings {
        try await store.settings.find(userId: principal.userId) ?? UserSettings(userId: principal.userId)
    }

    /// Merges `changes` into the stored settings (or preferences) and keeps the result.
    func updateSettings(principal: Principal, settings changes: [String: JSONValue]?, preferences: [String: JSONValue]?) async throws -> UserSettings {
        var record = try await settings(principal: principal)
        if let changes { record.settings = UserSettings.deepMerge(record.settings, changes) }
        if let preferences { record.preferences = UserSettings.deepMerge(record.preferences, preferences) }
        record.updatedAt = Date()
        try Self.checkSize(record)
        try await store.settings.save(record)
        return record
    }

    func setStatus(principal: Principal, status: String) async throws -> UserSettings {
        guard Self.presenceStatuses.contains(status) else {
            throw DomainError.validation("status must be one of online, away, busy, offline")
        }
        var record = try await settings(principal: principal)
        record.status = status
        record.updatedAt = Date()
        try await store.settings.save(record)
        return record
    }

    func stats(principal: Principal) async throws -> ClientStats {
        let groups = try await groups(principal: principal)
        let readable = try await channels.readableChannels(principal: principal)
        return ClientStats(
            groups: groups.count, adminOfGroups: groups.filter { $0.isAdmin(principal.userId) }.count,
            channels: readable.total, unreadNotifications: try await store.notifications.unreadCount(userId: principal.userId),
            activeSessions: try await store.sessions.liveSessions(userId: principal.userId, at: Date()).count)
    }

    func sessions(principal: Principal) async throws -> [AuthSession] {
        try await store.sessions.liveSessions(userId: principal.userId, at: Date())
    }

    func revokeSession(principal: Principal, id: ObjectId) async throws {
        guard let session = try await store.sessions.find(id: id), session.userId == principal.userId,
            try await sessionRevoker.revoke(id: id, of: principal.userId)
        else { throw DomainError.notFound("Session not found") }
    }

    /// Signs out every session but the one the caller is using.
    func revokeOtherSessions(principal: Principal, current: ObjectId?) async throws -> Int {
        guard let current else { return 0 }
        return try await sessionRevoker.revokeAll(of: principal.userId, keeping: current)
    }

    /// Closes the caller's own account (deactivation; an admin can restore it) after checking
    /// the password, and signs out every session.
    func closeAccount(principal: Principal, password: String, hasher: PasswordHasher) async throws {
        let user = try await profile(principal: principal)
        guard try await hasher.verify(password, against: user.passwordHash) else {
            throw DomainError.validation("Password is incorrect")
        }
        if user.has(.superAdmin), try await store.users.list(UserQuery(isActive: true, role: .superAdmin, page: PageRequest(limit: 2))).total < 2 {
            throw DomainError.validation("The last active super admin cannot close their account")
        }
        _ = try await store.users.update(id: user.id, UserChanges(isActive: false), at: Date())
        _ = try await store.sessions.revokeAll(userId: user.id, at: Date())
        await activity.record(principal, "user.close_account", on: "user", id: user.id)
        users.events.publish(.accountChanged(userId: user.id))
    }

    /// Everything Parley keeps about the caller, for download.
    func export(principal: Principal) async throws -> ClientExport {
        let user = try await profile(principal: principal)
        return ClientExport(
            user: user, groups: try await groups(principal: principal),
            channels: try await channels.readableChannels(principal: principal).items.filter { $0.members.contains(user.id) },
            notifications: try await store.notifications.list(userId: user.id, unreadOnly: false, limit: 10_000, offset: 0),
            settings: try await settings(principal: principal),
            activity: try await store.activity.list(ActivityQuery(actorId: user.id, page: .everything)).items,
            sessions: try await sessions(principal: principal))
    }

    /// Settings are client-shaped JSON: keep them small enough that nobody stores files in them.
    private static func checkSize(_ record: UserSettings) throws {
        let size = (try? JSONEncoder().encode(record).count) ?? 0
        guard size <= 64 * 1024 else { throw DomainError.payloadTooLarge("Settings are limited to 64 KB") }
    }
}

/// Figures of the caller's own use.
struct ClientStats: Encodable, Sendable {
    let groups: Int
    let adminOfGroups: Int
    let channels: Int
    let unreadNotifications: Int
    let activeSessions: Int
}

/// The caller's data, gathered for export.
struct ClientExport: Sendable {
    let user: User
    let groups: [Group]
    let channels: [Channel]
    let notifications: [UserNotification]
    let settings: UserSettings
    let activity: [ActivityEntry]
    let sessions: [AuthSession]
}
