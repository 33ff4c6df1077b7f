import Foundation
import ParleyCore
import ParleyStore

/// The admin dashboards and user management. super_admin sees and manages everything; a
/// group_admin sees figures for the groups they administer and lists only the people in them
/// (their public profiles), and changes no accounts.
public struct AdminService: Sendable {
    let store: any Store
    let users: UserService
    let groups: GroupService
    let channels: ChannelService
    let messages: MessageService
    let activity: ActivityRecorder
    let usage: SystemUsageProbe

    static let week: TimeInterval = 7 * 24 * 3600

    func requireAdmin(_ principal: Principal) throws {
        guard principal.isAnyAdmin else { throw DomainError.forbidden("Admin privileges required") }
    }

    func dashboard(principal: Principal) async throws -> AdminDashboard {
        try requireAdmin(principal)
        let now = Date()
        let userCounts = try await users.counts(principal: principal)
        let groupCounts = try await groups.counts(principal: principal)
        let channelCounts = try await channels.counts(principal: principal)
        let recent = try await store.activity.list(
            ActivityQuery(actorId: principal.isSuperAdmin ? nil : principal.userId, administrativeOnly: true, page: PageRequest(limit: 10)))
        let midnight = Calendar(identifier: .gregorian).startOfDay(for: now)
        return AdminDashboard(
            users: userCounts, groups: groupCounts, channels: channelCounts,
            messagesToday: try await messages.adminCounts(principal: principal, since: midnight),
            messagesThisWeek: try await messages.adminCounts(principal: principal, since: now - Self.week),
            recentActivity: recent.items)
    }

    /// The dashboard's figures and, for a super_admin only, this server's memory, CPU, disk
    /// and connections: they describe the whole server, not the groups a group_admin runs.
    func stats(principal: Principal) async throws -> AdminStats {
        let dashboard = try await dashboard(principal: principal)
        return AdminStats(dashboard: dashboard, usage: principal.isSuperAdmin ? try await usage.read() : nil)
    }

    /// Every account for a super_admin; for a group_admin, the members of the groups they
    /// administer (listing all users is super_admin's alone).
    func listUsers(principal: Principal, query: UserQuery) async throws -> Page<User> {
        try requireAdmin(principal)
        guard let scope = try await AdminScope.of(principal, in: store) else { return try await store.users.list(query) }
        return try await scope.users(in: store, search: query.search, page: query.page)
    }

    func userCounts(principal: Principal) async throws -> UserCounts {
        try requireAdmin(principal)
        return try await users.counts(principal: principal)
    }

    /// Removes an account for good. Its group and channel memberships go with it; its messages
    /// stay, attributed to a deleted user; the audit log keeps the entry.
    func deleteUser(principal: Principal, id: ObjectId) async throws {
        try UserPermissions.requireManageUsers(principal)
        guard principal.userId != id else { throw DomainError.validation("You cannot delete your own account") }
        guard let user = try await store.users.find(id: id) else { throw UserService.notFound }
        if user.has(.superAdmin), try await store.users.count(role: .superAdmin) < 2 {
            throw DomainError.validation("The last super admin cannot be deleted")
        }
        for groupId in user.groups {
            _ = try await store.groups.removeMember(groupId: groupId, userId: id, at: Date())
        }
        _ = try await store.sessions.revokeAll(userId: id, at: Date())
        guard try await store.users.delete(id: id) else { throw UserService.notFound }
        await activity.record(principal, "user.delete", on: "user", id: id, details: user.username, administrative: true)
        users.events.publish(.accountChanged(userId: id))
    }

    /// Deletes several accounts; every id is checked before anything is removed.
    func deleteUsers(principal: Principal, ids: [ObjectId]) async throws -> Int {
        try UserPermissions.requireManageUsers(principal)
        let unique = Array(Set(ids))
        guard !unique.contains(principal.userId) else { throw DomainError.validation("You cannot delete your own account") }
        let found = try await store.users.find(ids: unique)
        guard found.count == unique.count else { throw UserService.notFound }
        for id in unique { try await deleteUser(principal: principal, id: id) }
        return unique.count
    }

    /// Applies one change to several accounts; validation runs for every account before the
    /// first write, so a bad id or value changes nothing.
    func updateUsers(principal: Principal, ids: [ObjectId], update: UserUpdate, urls: AttachmentURLPolicy) async throws -> Int {
        try UserPermissions.requireManageUsers(principal)
        let unique = Array(Set(ids))
        if unique.count > 1 && (update.profile.username != nil || update.profile.email != nil) {
            throw DomainError.validation("username and email cannot be set on several users at once")
        }
        let found = try await store.users.find(ids: unique)
        guard found.count == unique.count else { throw UserService.notFound }
        if update.isActive == false, unique.contains(principal.userId) {
            throw DomainError.validation("You cannot deactivate your own account")
        }
        for id in unique { _ = try await users.update(principal: principal, id: id, update: update, urls: urls) }
        await activity.record(principal, "user.bulk_update", on: "user", details: "\(unique.count) users", administrative: true)
        return unique.count
    }

    /// Everything of one kind, for download: users, groups, channels, requests or logs.
    func export(principal: Principal, kind: String) async throws -> AdminExport {
        try UserPermissions.requireManageUsers(principal)
        switch kind {
        case "users": return .users(try await store.users.list(UserQuery(page: .everything)).items)
        case "groups": return .groups(try await store.groups.list(GroupQuery(includeArchived: true, page: .everything)).items)
        case "channels": return .channels(try await store.channels.list(ChannelQuery(includeArchived: true)).items)
        case "requests", "group-requests": return .requests(try await store.groupRequests.list(GroupRequestQuery(page: .everything)).items)
        case "logs": return .logs(try await store.activity.list(ActivityQuery(administrativeOnly: true, page: .everything)).items)
        // The dashboard also offers `messages`: a type Parley has no export for is a feature
        // it lacks (501), not a malformed request.
        default: throw DomainError.notSupported("This export type is not available; the types are users, groups, channels, requests and logs")
        }
    }
}

struct AdminDashboard: Sendable {
    let users: UserCounts
    let groups: GroupCounts
    let channels: ChannelCounts
    let messagesToday: MessageCounts
    let messagesThisWeek: MessageCounts
    let recentActivity: [ActivityEntry]
}

enum AdminExport: Sendable {
    case users([User])
    case groups([Group])
    case channels([Channel])
    case requests([GroupRequest])
    case logs([ActivityEntry])
}
