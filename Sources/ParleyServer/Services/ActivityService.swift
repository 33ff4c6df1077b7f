import Foundation
import ParleyCore
import ParleyStore

/// Reading the activity and audit log.
public struct ActivityService: Sendable {
    let store: any Store

    /// What a user did: all of it for the user themself and a super_admin. A group_admin sees
    /// the activity of members of the groups they administer, and of it only the entries about
    /// those groups and their channels; anyone else nothing.
    func activity(principal: Principal, of userId: ObjectId, page: PageRequest) async throws -> Page<ActivityEntry> {
        guard principal.userId != userId, let scope = try await AdminScope.of(principal, in: store) else {
            return try await store.activity.list(ActivityQuery(actorId: userId, page: page))
        }
        guard scope.includes(user: userId) else { throw UserPermissions.insufficient }
        let channels = try await store.channels.list(ChannelQuery(groupIds: scope.groupIds, includeArchived: true)).items
        let targets = scope.groupIds + channels.map(\.id)
        return try await store.activity.list(ActivityQuery(actorId: userId, targetIds: targets, page: page))
    }

    /// The audit log of admin and moderation actions: super_admin sees everything; a
    /// group_admin sees only what they did themself.
    func auditLog(principal: Principal, query: ActivityQuery) async throws -> Page<ActivityEntry> {
        guard principal.isAnyAdmin else { throw UserPermissions.insufficient }
        var query = query
        query.administrativeOnly = true
        if !principal.isSuperAdmin { query.actorId = principal.userId }
        return try await store.activity.list(query)
    }

    /// What happened to one target (a channel's activity), for callers already allowed to read it.
    func forTarget(_ targetId: ObjectId, page: PageRequest) async throws -> Page<ActivityEntry> {
        try await store.activity.list(ActivityQuery(targetId: targetId, page: page))
    }
}
