import Foundation
import ParleyCore
import ParleyStore

/// Groups and their membership. Membership changes go through `GroupStore.upsertMember` /
/// `removeMember`, which keep `group.members`, `user.groups` and channel membership in step.
public struct GroupService: Sendable {
    let store: any Store
    let activity: ActivityRecorder
    let notifications: NotificationService
    let events: any EventBus
    /// Changes that publish no event (a demotion, the group's own fields) drop the cached
    /// access into the group's channels themselves.
    var callers = CallerCache.off()

    static let notFound = DomainError.notFound("Group not found")
    static let maximumNameLength = 100

    /// Lists groups. Everyone signed in sees unarchived groups (private ones by their public
    /// face); super_admins may include archived ones.
    func list(principal: Principal, query: GroupQuery) async throws -> Page<Group> {
        var query = query
        if !principal.isSuperAdmin { query.includeArchived = false }
        return try await store.groups.list(query)
    }

    /// A group the caller may see; anything else is "not found", so ids reveal nothing.
    func get(principal: Principal, id: ObjectId) async throws -> Group {
        guard let group = try await store.groups.find(id: id), GroupPermissions.canSee(group, principal: principal) else {
            throw Self.notFound
        }
        return group
    }

    /// `urls` decides which avatar URLs are this server's uploads.
    func create(principal: Principal, draft: GroupDraft, urls: AttachmentURLPolicy) async throws -> Group {
        guard GroupPermissions.canCreateGroup(principal) else { throw UserPermissions.insufficient }
        try draft.validate()
        try urls.check(draft.avatar, field: "avatar")
        let now = Date()
        let group = Group(
            name: draft.name, description: draft.description ?? "", category: draft.category ?? "general",
            status: draft.status ?? "active", isPrivate: draft.isPrivate ?? false, maxMembers: draft.maxMembers,
            avatar: draft.avatar, tags: draft.tags, rules: draft.rules, createdBy: principal.userId, createdAt: now,
            members: [GroupMember(userId: principal.userId, username: principal.username, role: .admin, joinedAt: now)])
        do {
            try await store.groups.insert(group)
        } catch StoreError.duplicate {
            throw DomainError.conflict("Group with this name already exists")
        }
        // Every group starts with a `general` channel that its members are in.
        let general = Channel(
            groupId: group.id, name: Channel.defaultName, description: "General discussion for \(group.name)",
            members: [principal.userId], admins: [principal.userId], createdBy: principal.userId, createdAt: now)
        try await store.channels.insert(general)
        await activity.record(principal, "group.create", on: "group", id: group.id, details: group.name, administrative: true)
        return try await store.groups.find(id: group.id) ?? group
    }

    /// A new avatar must be one of this server's uploads; the stored one may come back unchanged.
    func update(principal: Principal, id: ObjectId, changes: GroupChanges, urls: AttachmentURLPolicy) async throws -> Group {
        let group = try await administered(id, principal: principal)
        try GroupDraft.validate(changes)
        if case .some(.some(let avatar)) = changes.avatar, avatar != group.avatar { try urls.check(avatar, field: "avatar") }
        let updated: Group?
        do {
            updated = try await store.groups.update(id: group.id, changes, at: Date())
        } catch StoreError.duplicate {
            throw DomainError.conflict("Group with this name already exists")
        }
        guard let updated else { throw Self.notFound }
        callers.forgetGroup(group.id)
        await activity.record(principal, "group.update", on: "group", id: id, details: group.name, administrative: true)
        return updated
    }

    /// Deleting archives: the group and its channels stay for admins, and answer 404 to others.
    func archive(principal: Principal, id: ObjectId) async throws {
        let group = try await administered(id, principal: principal)
        guard !group.isArchived else { throw Self.notFound }
        _ = try await store.groups.update(id: id, GroupChanges(archivedAt: .some(Date())), at: Date())
        await activity.record(principal, "group.delete", on: "group", id: id, details: group.name, administrative: true)
        events.publish(.channelsChanged(groupId: id))
    }

    /// Adds a member (group admins and super_admin).
    func addMember(principal: Principal, groupId: ObjectId, userId: ObjectId) async throws -> Group {
        let group = try await administered(groupId, principal: principal)
        guard !group.isMember(userId) else { throw DomainError.conflict("User is already a member") }
        let user = try await activeUser(userId)
        let updated = try await join(user, group: group, role: .member)
        await activity.record(principal, "group.member.add", on: "group", id: groupId, details: user.username, administrative: true)
        await notifications.notify(
            userId, type: "group_member_added", title: "Added to \(group.name)",
            message: "\(principal.username) added you to \(group.name)", data: ["groupId": groupId.hexString])
        return updated
    }

    /// Removes a member: group admins and super_admin remove anyone; a user may remove
    /// themself (that is leaving). Channel memberships in the group go too.
    func removeMember(principal: Principal, groupId: ObjectId, userId: ObjectId) async throws -> Group {
        let group = try await get(principal: principal, id: groupId)
        let isSelf = principal.userId == userId
        guard isSelf || GroupPermissions.canAdminister(group, principal: principal) else { throw UserPermissions.insufficient }
        guard group.isMember(userId) else { throw DomainError.notFound("Group not found or member not found in group") }
        if group.isAdmin(userId), group.admins.count == 1, group.members.count > 1 {
            throw DomainError.validation("The last admin of a group cannot leave it while it has other members")
        }
        guard let updated = try await store.groups.removeMember(groupId: groupId, userId: userId, at: Date()) else {
            throw Self.notFound
        }
        events.publish(.memberLeft(groupId: groupId, userId: userId))
        if isSelf {
            await activity.record(principal, "group.leave", on: "group", id: groupId, details: group.name)
        } else {
            await activity.record(principal, "group.member.remove", on: "group", id: groupId, details: userId.hexString, administrative: true)
            await notifications.notify(
                userId, type: "group_member_removed", title: "Removed from \(group.name)",
                message: "You were removed from \(group.name)", data: ["groupId": groupId.hexString])
        }
        return updated
    }

    /// Joining: a public group joins at once; a private one files a join request instead.
    func join(principal: Principal, groupId: ObjectId, requests: GroupRequestService, message: String?) async throws -> JoinOutcome {
        let group = try await get(principal: principal, id: groupId)
        guard !group.isMember(principal.userId) else { throw DomainError.conflict("You are already a member of this group") }
        if group.isPrivate {
            return .requested(try await requests.create(principal: principal, groupId: groupId, requestType: "request_invite", message: message))
        }
        let user = try await activeUser(principal.userId)
        let updated = try await join(user, group: group, role: .member)
        await activity.record(principal, "group.join", on: "group", id: groupId, details: group.name)
        return .joined(updated)
    }

    /// super_admin only: makes a user an admin of the group (adding them as a member if needed).
    func addAdmin(principal: Principal, groupId: ObjectId, userId: ObjectId) async throws -> Group {
        guard GroupPermissions.canManageAdmins(principal) else { throw UserPermissions.insufficient }
        let group = try await get(principal: principal, id: groupId)
        guard !group.isAdmin(userId) else { throw DomainError.conflict("User is already an admin") }
        let user = try await activeUser(userId)
        let updated = try await join(user, group: group, role: .admin)
        await activity.record(principal, "group.admin.add", on: "group", id: groupId, details: user.username, administrative: true)
        return updated
    }

    /// super_admin only: the user stays a member, without admin rights.
    func removeAdmin(principal: Principal, groupId: ObjectId, userId: ObjectId) async throws -> Group {
        guard GroupPermissions.canManageAdmins(principal) else { throw UserPermissions.insufficient }
        let group = try await get(principal: principal, id: groupId)
        guard let member = group.member(userId), member.role == .admin else {
            throw DomainError.notFound("User is not an admin of this group")
        }
        var demoted = member
        demoted.role = .member
        guard let updated = try await store.groups.upsertMember(groupId: groupId, demoted, at: Date()) else { throw Self.notFound }
        callers.forgetGroup(groupId)
        await activity.record(principal, "group.admin.remove", on: "group", id: groupId, details: userId.hexString, administrative: true)
        return updated
    }

    /// Sets a member's role; granting or removing group admin rights is for super_admins.
    func setRole(principal: Principal, groupId: ObjectId, userId: ObjectId, role: GroupMemberRole) async throws -> Group {
        switch role {
        case .admin: return try await addAdmin(principal: principal, groupId: groupId, userId: userId)
        case .member: return try await removeAdmin(principal: principal, groupId: groupId, userId: userId)
        }
    }

    /// The member list, for those who may read the group.
    func members(principal: Principal, groupId: ObjectId) async throws -> [GroupMember] {
        let group = try await get(principal: principal, id: groupId)
        guard GroupPermissions.canRead(group, principal: principal) else { throw UserPermissions.insufficient }
        return group.members
    }

    /// Ids of the groups `principal` administers (their admin scope as a group_admin).
    func administeredGroupIds(_ principal: Principal) async throws -> [ObjectId] {
        try await store.groups.list(GroupQuery(adminId: principal.userId, page: .everything)).items.map(\.id)
    }

    func counts(principal: Principal) async throws -> GroupCounts {
        guard principal.isAnyAdmin else { throw UserPermissions.insufficient }
        return try await store.groups.counts(administeredBy: principal.isSuperAdmin ? nil : principal.userId)
    }

    /// A group the caller administers; 404 when they cannot see it, 403 when they can but may not change it.
    func administered(_ id: ObjectId, principal: Principal) async throws -> Group {
        let group = try await get(principal: principal, id: id)
        guard GroupPermissions.canAdminister(group, principal: principal) else { throw UserPermissions.insufficient }
        return group
    }

    /// Adds (or re-roles) a member and puts them in the group's public channels.
    func join(_ user: User, group: Group, role: GroupMemberRole) async throws -> Group {
        if let maxMembers = group.maxMembers, !group.isMember(user.id), group.members.count >= maxMembers {
            throw DomainError.conflict("The group is full (\(maxMembers) members)")
        }
        let now = Date()
        let member = GroupMember(userId: user.id, username: user.username, role: role, joinedAt: group.member(user.id)?.joinedAt ?? now)
        guard let updated = try await store.groups.upsertMember(groupId: group.id, member, at: now) else { throw Self.notFound }
        try await store.channels.addMemberToPublicChannels(groupId: group.id, userId: user.id, at: now)
        events.publish(.memberJoined(groupId: group.id, userId: user.id))
        return updated
    }

    private func activeUser(_ id: ObjectId) async throws -> User {
        guard let user = try await store.users.find(id: id), user.isActive else { throw UserService.notFound }
        return user
    }
}

/// What joining a group did.
enum JoinOutcome: Sendable {
    case joined(Group)
    case requested(GroupRequest)
}
