import Foundation
import ParleyCore
import ParleyStore

/// Reading the activity and audit log.
public struct ActivityService: Sendable {
    let store: any Store

    /// A user's own activity (the user themself, or an admin looking at them).
    func activity(principal: Principal, of userId: ObjectId, page: PageRequest) async throws -> Page<ActivityEntry> {
        guard principal.userId == userId || principal.isAnyAdmin else { throw UserPermissions.insufficient }
        return try await store.activity.list(ActivityQuery(actorId: userId, page: page))
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
