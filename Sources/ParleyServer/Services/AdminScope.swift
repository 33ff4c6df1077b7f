import Foundation
import ParleyCore
import ParleyStore

/// What a group_admin oversees: the groups they administer and the people in them. A
/// super_admin oversees everything and has no scope (`of` answers nil); a caller who is no
/// admin at all oversees nothing.
struct AdminScope: Sendable {
    let groups: [Group]

    var groupIds: [ObjectId] { groups.map(\.id) }

    /// Members (admins included) of the administered groups.
    var memberIds: Set<ObjectId> { Set(groups.flatMap { $0.members.map(\.userId) }) }

    func includes(user id: ObjectId) -> Bool { groups.contains { $0.isMember(id) } }

    /// nil for a super_admin (no limit); the administered, unarchived groups for anyone else.
    static func of(_ principal: Principal, in store: any Store) async throws -> AdminScope? {
        if principal.isSuperAdmin { return nil }
        guard principal.isGroupAdmin else { return AdminScope(groups: []) }
        return AdminScope(groups: try await store.groups.list(GroupQuery(adminId: principal.userId, page: .everything)).items)
    }

    /// The accounts in scope, newest first as the store lists them, matching `search` by
    /// username only: a group_admin does not see others' emails, so cannot search by them either.
    func users(in store: any Store, search: String?, page: PageRequest) async throws -> Page<User> {
        let needle = search.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let matching = try await store.users.find(ids: Array(memberIds))
            .filter { user in needle.map { user.username.lowercased().contains($0) } ?? true }
            .sorted { ($0.createdAt, $0.id.hexString) > ($1.createdAt, $1.id.hexString) }
        return Page(items: Array(matching.dropFirst(page.offset).prefix(page.limit)), total: matching.count)
    }

    /// Dashboard figures over the accounts in scope (the store counts everyone for a super_admin).
    func userCounts(in store: any Store, activeSince: Date, createdSince: Date) async throws -> UserCounts {
        let users = try await store.users.find(ids: Array(memberIds))
        return UserCounts(
            total: users.count, active: users.filter(\.isActive).count,
            recentlyActive: users.filter { $0.isActive && ($0.lastLogin.map { $0 >= activeSince } ?? false) }.count,
            createdSince: users.filter { $0.createdAt >= createdSince }.count,
            superAdmins: users.filter { $0.has(.superAdmin) }.count, groupAdmins: users.filter { $0.has(.groupAdmin) }.count)
    }
}
