import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the groups repository (see `TimedStore`).
struct TimedGroupStore: GroupStore {
    let base: any GroupStore
    let timer: StoreTimer

    func insert(_ group: Group) async throws {
        try await timer.time("groups.insert(_:)") { try await base.insert(group) }
    }

    func find(id: ObjectId) async throws -> Group? {
        try await timer.time("groups.find(id:)") { try await base.find(id: id) }
    }

    func find(id: ObjectId, membersAmong userIds: [ObjectId]) async throws -> Group? {
        try await timer.time("groups.find(id:membersAmong:)") { try await base.find(id: id, membersAmong: userIds) }
    }

    func find(ids: [ObjectId]) async throws -> [Group] {
        try await timer.time("groups.find(ids:)") { try await base.find(ids: ids) }
    }

    func list(_ query: GroupQuery) async throws -> Page<Group> {
        try await timer.time("groups.list(_:)") { try await base.list(query) }
    }

    func update(id: ObjectId, _ changes: GroupChanges, at date: Date) async throws -> Group? {
        try await timer.time("groups.update(id:_:at:)") { try await base.update(id: id, changes, at: date) }
    }

    func upsertMember(groupId: ObjectId, _ member: GroupMember, at date: Date) async throws -> Group? {
        try await timer.time("groups.upsertMember(groupId:_:at:)") { try await base.upsertMember(groupId: groupId, member, at: date) }
    }

    func removeMember(groupId: ObjectId, userId: ObjectId, at date: Date) async throws -> Group? {
        try await timer.time("groups.removeMember(groupId:userId:at:)") { try await base.removeMember(groupId: groupId, userId: userId, at: date) }
    }

    func counts(administeredBy adminId: ObjectId?) async throws -> GroupCounts {
        try await timer.time("groups.counts(administeredBy:)") { try await base.counts(administeredBy: adminId) }
    }
}
