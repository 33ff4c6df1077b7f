import Foundation
import ParleyCore
import ParleyStore

/// Channels inside groups. Reading needs membership of the group (and of the channel when it
/// is private); managing needs admin rights over the group.
public struct ChannelService: Sendable {
    let store: any Store
    let groups: GroupService
    let activity: ActivityRecorder
    let events: any EventBus
    /// The caller's access to a channel for a few seconds (see `CallerCache`).
    var callers = CallerCache.off()

    static let notFound = DomainError.notFound("Channel not found")

    /// A channel with its group. A group id is accepted where a channel id is expected (the
    /// Angular chat screen sends one) and stands for that group's `general` channel.
    func resolve(_ id: ObjectId) async throws -> (Channel, Group) {
        try await resolve(id, membersAmong: nil)
    }

    /// `resolve`, with the member lists cut down to `userIds` when given (see
    /// `GroupStore.find(id:membersAmong:)`).
    private func resolve(_ id: ObjectId, membersAmong userIds: [ObjectId]?) async throws -> (Channel, Group) {
        func channel(_ id: ObjectId) async throws -> Channel? {
            if let userIds { return try await store.channels.find(id: id, membersAmong: userIds) }
            return try await store.channels.find(id: id)
        }
        func group(_ id: ObjectId) async throws -> Group? {
            if let userIds { return try await store.groups.find(id: id, membersAmong: userIds) }
            return try await store.groups.find(id: id)
        }
        if let channel = try await channel(id), let group = try await group(channel.groupId) {
            return (channel, group)
        }
        if let group = try await group(id), let general = try await store.channels.find(groupId: group.id, name: Channel.defaultName) {
            // Found by name with all its members; cut down here rather than read again.
            return (userIds.map(general.keepingMembers(among:)) ?? general, group)
        }
        throw Self.notFound
    }

    /// A channel the caller may read; 404 otherwise, so channel ids reveal nothing.
    func readable(principal: Principal, id: ObjectId) async throws -> (Channel, Group) {
        let (channel, group) = try await resolve(id)
        guard GroupPermissions.canRead(channel, in: group, principal: principal) else { throw Self.notFound }
        return (channel, group)
    }

    /// `readable` for the message paths (history, posting), whose cost must not grow with the
    /// size of the group: the channel and group come back with only the member entries of the
    /// caller and of `others`, which is all their permission checks need.
    func readableForMessages(principal: Principal, id: ObjectId, checkingMembershipOf others: [ObjectId] = []) async throws -> (Channel, Group) {
        let (channel, group) = try await resolveForMessages(userId: principal.userId, id: id, others: others)
        guard GroupPermissions.canRead(channel, in: group, principal: principal) else { throw Self.notFound }
        return (channel, group)
    }

    /// The caller's own access is cached (membership checks of `others` are always read). What
    /// is cached is what `resolve` returns; the permission check is made on it each time.
    private func resolveForMessages(userId: ObjectId, id: ObjectId, others: [ObjectId]) async throws -> (Channel, Group) {
        guard others.isEmpty else { return try await resolve(id, membersAmong: [userId] + others) }
        let key = CallerCache.AccessKey(userId: userId, id: id)
        if let cached = callers.access(key) { return cached }
        let ticket = callers.ticket()
        let found = try await resolve(id, membersAmong: [userId])
        callers.remember(found, for: key, readAt: ticket)
        return found
    }

    /// Every channel the caller may read, across their groups (all channels for super_admin).
    func readableChannels(principal: Principal, query: ChannelQuery = ChannelQuery()) async throws -> Page<Channel> {
        var query = query
        let memberGroups = try await memberGroups(principal)
        if !principal.isSuperAdmin {
            let allowed = Set(memberGroups.map(\.id))
            query.groupIds = query.groupIds.map { $0.filter(allowed.contains) } ?? Array(allowed)
            query.includeArchived = false
        }
        let page = try await store.channels.list(query)
        guard !principal.isSuperAdmin else { return page }
        let byId = Dictionary(uniqueKeysWithValues: memberGroups.map { ($0.id, $0) })
        let visible = page.items.filter { channel in
            byId[channel.groupId].map { GroupPermissions.canRead(channel, in: $0, principal: principal) } ?? false
        }
        // Private channels the caller cannot read are left out of the page; the total follows.
        return Page(items: visible, total: page.total - (page.items.count - visible.count))
    }

    /// The caller's groups, each with the channels in it the caller may read (a private one
    /// only for its members and the group's admins; archived ones left out): the Angular
    /// realtime chat page lists a group's channels from `my-groups`. Two store reads in all.
    func memberGroupsWithChannels(principal: Principal, query: GroupQuery) async throws -> [(group: Group, channels: [Channel])] {
        var query = query
        query.memberId = principal.userId
        let groups = try await groups.list(principal: principal, query: query).items
        guard !groups.isEmpty else { return [] }
        let readable = try await readableChannels(principal: principal, query: ChannelQuery(groupIds: groups.map(\.id)))
        let byGroup = Dictionary(grouping: readable.items.filter { !$0.isArchived }, by: \.groupId)
        return groups.map { ($0, byGroup[$0.id] ?? []) }
    }

    /// Channels of one group, for those who may read it.
    func channels(principal: Principal, groupId: ObjectId) async throws -> [Channel] {
        let group = try await groups.get(principal: principal, id: groupId)
        guard GroupPermissions.canRead(group, principal: principal) else { throw UserPermissions.insufficient }
        let all = try await store.channels.list(ChannelQuery(groupIds: [group.id], includeArchived: GroupPermissions.canAdminister(group, principal: principal)))
        // Outsiders looking into a public group see its public channels only.
        return all.items.filter { !$0.isPrivate || GroupPermissions.canRead($0, in: group, principal: principal) }
    }

    func create(principal: Principal, groupId: ObjectId, draft: Channel) async throws -> Channel {
        let group = try await groups.administered(groupId, principal: principal)
        try ChannelRules.validate(ChannelChanges(name: draft.name, description: draft.description, type: draft.type, maxMembers: .some(draft.maxMembers), settings: draft.settings))
        var channel = draft
        channel.groupId = group.id
        channel.createdBy = principal.userId
        // A public channel holds the whole group; a private one starts with its creator and the group's admins.
        channel.members = channel.isPrivate ? Array(Set(group.admins + [principal.userId])) : group.members.map(\.userId)
        channel.admins = [principal.userId]
        do {
            try await store.channels.insert(channel)
        } catch StoreError.duplicate {
            throw DomainError.conflict("Channel already exists")
        }
        await activity.record(principal, "channel.create", on: "channel", id: channel.id, details: channel.name, administrative: true)
        events.publish(.channelsChanged(groupId: group.id))
        return try await store.channels.find(id: channel.id) ?? channel
    }

    /// `statedGroupId` is the group the client says the channel is in: a channel never moves,
    /// so naming its own group is fine and naming another is refused.
    func update(
        principal: Principal, id: ObjectId, changes: ChannelChanges, statedGroupId: ObjectId? = nil, action: String = "channel.update"
    ) async throws -> Channel {
        let (channel, _) = try await administered(principal: principal, id: id)
        if let statedGroupId, statedGroupId != channel.groupId {
            throw DomainError.validation("A channel cannot be moved to another group")
        }
        try ChannelRules.validate(changes)
        if channel.name == Channel.defaultName, let name = changes.name, name != Channel.defaultName {
            throw DomainError.validation("The general channel cannot be renamed")
        }
        let updated: Channel?
        do {
            updated = try await store.channels.update(id: channel.id, changes, at: Date())
        } catch StoreError.duplicate {
            throw DomainError.conflict("Channel already exists")
        }
        guard let updated else { throw Self.notFound }
        await activity.record(principal, action, on: "channel", id: channel.id, details: channel.name, administrative: true)
        events.publish(.channelsChanged(groupId: channel.groupId))
        return updated
    }

    /// Deleting archives the channel: its history stays, and non-admins get 404.
    func archive(principal: Principal, id: ObjectId, archived: Bool) async throws -> Channel {
        let (channel, _) = try await administered(principal: principal, id: id)
        if archived && channel.name == Channel.defaultName {
            throw DomainError.validation("The general channel cannot be archived")
        }
        return try await update(
            principal: principal, id: channel.id, changes: ChannelChanges(archivedAt: .some(archived ? Date() : nil)),
            action: archived ? "channel.archive" : "channel.unarchive")
    }

    /// Admin adds a member of the group to the channel.
    func addMember(principal: Principal, id: ObjectId, userId: ObjectId) async throws -> Channel {
        let (channel, group) = try await administered(principal: principal, id: id)
        guard group.isMember(userId) else { throw DomainError.validation("User is not a member of this channel's group") }
        guard let updated = try await store.channels.addMember(channelId: channel.id, userId: userId, at: Date()) else { throw Self.notFound }
        await activity.record(principal, "channel.member.add", on: "channel", id: channel.id, details: userId.hexString, administrative: true)
        events.publish(.channelsChanged(groupId: group.id))
        return updated
    }

    /// Admin removes anyone; a member removes themself (leaving).
    func removeMember(principal: Principal, id: ObjectId, userId: ObjectId) async throws -> Channel {
        let (channel, group) = try await resolve(id)
        let isSelf = principal.userId == userId
        let isAdmin = GroupPermissions.canAdminister(group, principal: principal)
        guard isAdmin || GroupPermissions.canRead(channel, in: group, principal: principal) else { throw Self.notFound }
        guard isSelf || isAdmin else { throw UserPermissions.insufficient }
        guard channel.members.contains(userId) else { throw DomainError.notFound("User is not a member of this channel") }
        guard let updated = try await store.channels.removeMember(channelId: channel.id, userId: userId, at: Date()) else { throw Self.notFound }
        await activity.record(principal, isSelf ? "channel.leave" : "channel.member.remove", on: "channel", id: channel.id, details: channel.name, administrative: !isSelf)
        events.publish(.channelsChanged(groupId: group.id))
        return updated
    }

    /// A member of the group joins a public channel of it.
    func join(principal: Principal, id: ObjectId) async throws -> Channel {
        let (channel, group) = try await resolve(id)
        // Private channels are joined by invitation (an admin adds members); to others they do not exist.
        guard !channel.isArchived, group.isMember(principal.userId) || principal.isSuperAdmin,
            !channel.isPrivate || GroupPermissions.canAdminister(group, principal: principal)
        else { throw Self.notFound }
        guard let updated = try await store.channels.addMember(channelId: channel.id, userId: principal.userId, at: Date()) else { throw Self.notFound }
        await activity.record(principal, "channel.join", on: "channel", id: channel.id, details: channel.name)
        events.publish(.channelsChanged(groupId: group.id))
        return updated
    }

    func counts(principal: Principal) async throws -> ChannelCounts {
        guard principal.isAnyAdmin else { throw UserPermissions.insufficient }
        if principal.isSuperAdmin { return try await store.channels.counts(groupIds: nil) }
        return try await store.channels.counts(groupIds: try await groups.administeredGroupIds(principal))
    }

    func administered(principal: Principal, id: ObjectId) async throws -> (Channel, Group) {
        let (channel, group) = try await resolve(id)
        guard GroupPermissions.canSee(group, principal: principal), GroupPermissions.canRead(channel, in: group, principal: principal) || GroupPermissions.canAdminister(group, principal: principal) else {
            throw Self.notFound
        }
        guard GroupPermissions.canAdminister(group, principal: principal) else { throw UserPermissions.insufficient }
        return (channel, group)
    }

    private func memberGroups(_ principal: Principal) async throws -> [Group] {
        guard !principal.isSuperAdmin else { return [] }
        return try await store.groups.list(GroupQuery(memberId: principal.userId, page: .everything)).items
    }
}
