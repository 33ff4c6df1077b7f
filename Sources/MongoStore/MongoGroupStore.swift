import Foundation
import ParleyCore
import ParleyStore

/// The groups aggregate on MongoDB. Documents and queries come from `GroupDocuments`,
/// `GroupMembershipDocuments` and `GroupCountsDocuments`; this type only sequences the calls.
///
/// Membership lives in three places the old server also used: `groups.members`/`admins`,
/// `users.groups` and the channels' member lists. Without transactions each write is atomic
/// on one document only, so the group is always written first and the mirrors after it: the
/// group is what every access rule reads, so once its write succeeds the change has taken
/// effect, and if a later step fails the caller's retry (every step is idempotent) finishes
/// the mirrors. The opposite order could leave a user listed in `users.groups` or a channel of
/// a group that refused them.
struct MongoGroupStore: GroupStore {
    let groups: MongoCollection
    let users: MongoCollection
    let channels: MongoCollection
    /// Writes wait for the unique name index: without it a duplicate name would be accepted.
    let indexes: IndexGate

    /// A member added and removed again by others between two of our steps, this many times
    /// over, is not contention a chat server sees; it is reported rather than retried forever.
    private static let membershipAttempts = 4

    func insert(_ group: Group) async throws {
        let document = try GroupDocuments.document(for: group)
        try await indexes.ensure()
        try await groups.insertOne(document)
        let memberIds = GroupMembership.unique(group.members).map(\.userId)
        guard !memberIds.isEmpty else { return }
        _ = try await users.updateMany(
            GroupMembershipDocuments.usersFilter(ids: memberIds), update: GroupMembershipDocuments.userJoined(groupId: group.id))
    }

    func find(id: ObjectId) async throws -> Group? {
        try await groups.findOne(GroupDocuments.filter(id: id)).map(GroupDocuments.group(from:))
    }

    func find(ids: [ObjectId]) async throws -> [Group] {
        guard !ids.isEmpty else { return [] }
        return try await groups.find(GroupDocuments.filter(ids: ids)).map(GroupDocuments.group(from:))
    }

    func list(_ query: GroupQuery) async throws -> Page<Group> {
        let filter = GroupDocuments.filter(for: query)
        // Two jobs rather than one: they may run on two threads at once.
        async let documents = groups.find(filter, options: GroupDocuments.listOptions(for: query))
        async let total = groups.countDocuments(filter, options: GroupDocuments.countOptions(for: query))
        return Page(items: try await documents.map(GroupDocuments.group(from:)), total: try await total)
    }

    func update(id: ObjectId, _ changes: GroupChanges, at date: Date) async throws -> Group? {
        try await indexes.ensure()
        return try await groups.findOneAndUpdate(GroupDocuments.filter(id: id), update: GroupDocuments.update(changes, at: date))
            .map(GroupDocuments.group(from:))
    }

    func upsertMember(groupId: ObjectId, _ member: GroupMember, at date: Date) async throws -> Group? {
        guard let document = try await writeMember(groupId: groupId, member, at: date) else { return nil }
        _ = try await users.updateOne(
            UserDocuments.filter(id: member.userId), update: GroupMembershipDocuments.userJoined(groupId: groupId))
        return try GroupDocuments.group(from: document)
    }

    func removeMember(groupId: ObjectId, userId: ObjectId, at date: Date) async throws -> Group? {
        guard
            let document = try await groups.findOneAndUpdate(
                GroupDocuments.filter(id: groupId), update: GroupMembershipDocuments.remove(userId: userId, at: date))
        else { return nil }
        _ = try await users.updateOne(
            UserDocuments.filter(id: userId), update: GroupMembershipDocuments.userLeft(groupId: groupId))
        _ = try await channels.updateMany(
            GroupMembershipDocuments.channelsFilter(groupId: groupId),
            update: GroupMembershipDocuments.channelsLeft(userId: userId))
        return try GroupDocuments.group(from: document)
    }

    func counts(administeredBy adminId: ObjectId?) async throws -> GroupCounts {
        try GroupCountsDocuments.counts(from: await groups.aggregate(GroupCountsDocuments.pipeline(administeredBy: adminId)))
    }

    /// Adds the member if absent, else changes the existing entry; returns the group document
    /// after the write, or nil when there is no such group. Each attempt's two updates are
    /// conditional, so one of them matches unless another writer changed the membership in
    /// between; then the next attempt sees the new state.
    private func writeMember(groupId: ObjectId, _ member: GroupMember, at date: Date) async throws -> BSONDocument? {
        let add = try GroupMembershipDocuments.add(member, at: date)
        let change = GroupMembershipDocuments.change(member, at: date)
        for _ in 0..<Self.membershipAttempts {
            if let added = try await groups.findOneAndUpdate(
                GroupMembershipDocuments.addFilter(groupId: groupId, userId: member.userId), update: add)
            {
                return added
            }
            if let changed = try await groups.findOneAndUpdate(
                GroupMembershipDocuments.changeFilter(groupId: groupId, userId: member.userId), update: change,
                extra: GroupMembershipDocuments.changeOptions(userId: member.userId))
            {
                return changed
            }
            guard try await groups.countDocuments(GroupDocuments.filter(id: groupId)) > 0 else { return nil }
        }
        throw StoreError.unavailable("group \(groupId) membership kept changing while adding user \(member.userId)")
    }
}
