import Foundation
import ParleyCore
import ParleyStore

/// Posting, reading, editing, deleting and searching messages. REST controllers and the socket
/// gateway both call this, so a message follows one path whichever way it arrives. Every
/// change is published on the event bus.
public struct MessageService: Sendable {
    let store: any Store
    let channels: ChannelService
    let notifications: NotificationService
    let activity: ActivityRecorder
    let events: any EventBus

    static let notFound = DomainError.notFound("Message not found")
    static let maximumPage = 100

    /// Stores a message in a channel the caller may read (a group id stands for its general
    /// channel), then publishes it. Mentioned members are notified. Attachment URLs must be
    /// this server's uploads (`urls`).
    func post(principal: Principal, channelId: ObjectId, draft: MessageDraft, urls: AttachmentURLPolicy) async throws -> Message {
        let draft = try draft.validated()
        try urls.check(draft)
        let candidates = try await mentionCandidates(in: draft.text, author: principal.userId)
        let (channel, group) = try await channels.readableForMessages(
            principal: principal, id: channelId, checkingMembershipOf: candidates.map(\.id))
        guard !channel.isArchived, channel.isActive else { throw DomainError.forbidden("This channel is closed for new messages") }
        var parent: Message?
        if let replyTo = draft.replyTo {
            guard let found = try await store.messages.find(id: replyTo), !found.isDeleted else {
                throw DomainError.notFound("Original message not found")
            }
            guard found.channelId == channel.id else {
                throw DomainError.validation("A reply must be posted in the channel of the original message")
            }
            parent = found
        }
        // Only members of the group are notified.
        let mentioned = candidates.filter { group.isMember($0.id) }
        let attachmentUrl = draft.fileUrl ?? draft.imageUrl
        let message = Message(
            channelId: channel.id, groupId: group.id, userId: principal.userId, username: principal.username, text: draft.text,
            type: draft.type ?? "text", imageUrl: draft.imageUrl, fileUrl: draft.fileUrl,
            attachment: attachmentUrl.map { Attachment(url: $0, fileName: draft.fileName, fileSize: draft.fileSize) },
            replyTo: parent?.id, mentions: mentioned.map(\.id), tags: draft.tags)
        try await store.messages.insert(message)
        if let parent {
            let updatedParent = try await store.messages.find(id: parent.id) ?? parent
            events.publish(.replyCreated(reply: message, parent: updatedParent))
        }
        events.publish(.messageCreated(message, addressedAs: channelId))
        for user in mentioned {
            await notifications.notify(
                user.id, type: "mention", title: "\(principal.username) mentioned you",
                message: String((draft.text ?? "").prefix(200)),
                data: ["channelId": channel.id.hexString, "groupId": group.id.hexString, "messageId": message.id.hexString])
        }
        return message
    }

    /// A page of a channel's history, oldest first. Tombstones are left out unless asked for,
    /// as the old server did: the Angular client shows any message it gets, deleted or not.
    func history(principal: Principal, channelId: ObjectId, window: HistoryWindow, includingDeleted: Bool = false) async throws -> [Message] {
        let (channel, _) = try await channels.readableForMessages(principal: principal, id: channelId)
        guard let page = try await store.messages.history(channelId: channel.id, window: window, includingDeleted: includingDeleted) else {
            throw DomainError.validation("The cursor message is not in this channel")
        }
        return page
    }

    func get(principal: Principal, id: ObjectId) async throws -> Message {
        guard let message = try await store.messages.find(id: id) else { throw Self.notFound }
        guard (try? await channels.readableForMessages(principal: principal, id: message.channelId)) != nil else { throw Self.notFound }
        return message
    }

    /// A user's messages, limited to the channels the caller may read.
    func byUser(principal: Principal, userId: ObjectId, limit: Int, offset: Int) async throws -> [Message] {
        let readable = try await readableChannelIds(principal)
        return try await store.messages.messages(byUser: userId, inChannels: readable, limit: limit, offset: offset)
    }

    /// Only the author edits; the previous text is kept.
    func edit(principal: Principal, id: ObjectId, text: String) async throws -> Message {
        let message = try await get(principal: principal, id: id)
        guard !message.isDeleted else { throw Self.notFound }
        guard message.userId == principal.userId else { throw DomainError.forbidden("You can only update your own messages") }
        let draft = try MessageDraft(text: text, type: message.type, imageUrl: message.imageUrl, fileUrl: message.fileUrl).validated()
        guard let newText = draft.text else { throw DomainError.validation("Message text is required") }
        let (_, group) = try await channels.resolve(message.channelId)
        let mentioned = try await mentionCandidates(in: newText, author: principal.userId).filter { group.isMember($0.id) }
        guard let edited = try await store.messages.edit(id: id, text: newText, mentions: mentioned.map(\.id), by: principal.userId, at: Date()) else {
            throw Self.notFound
        }
        events.publish(.messageEdited(edited))
        return edited
    }

    /// The author, an admin of the group or a super_admin turns the message into a tombstone.
    func delete(principal: Principal, id: ObjectId) async throws -> Message {
        let message = try await get(principal: principal, id: id)
        guard !message.isDeleted else { throw Self.notFound }
        let (_, group) = try await channels.resolve(message.channelId)
        let isModerator = GroupPermissions.canAdminister(group, principal: principal)
        guard message.userId == principal.userId || isModerator else {
            throw DomainError.forbidden("You can only delete your own messages")
        }
        guard let deleted = try await store.messages.tombstone(id: id, at: Date()) else { throw Self.notFound }
        if message.userId != principal.userId {
            await activity.record(principal, "message.delete", on: "message", id: id, details: "by \(message.username)", administrative: true)
        }
        events.publish(.messageDeleted(deleted))
        return deleted
    }

    /// Earlier versions of an edited message: for group admins and super_admins.
    func edits(principal: Principal, id: ObjectId) async throws -> [MessageEdit] {
        let message = try await get(principal: principal, id: id)
        let (_, group) = try await channels.resolve(message.channelId)
        guard GroupPermissions.canAdminister(group, principal: principal) else { throw UserPermissions.insufficient }
        return try await store.messages.edits(of: id)
    }

    func search(principal: Principal, text: String, channelId: ObjectId?, userId: ObjectId?, limit: Int, offset: Int) async throws -> Page<Message> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DomainError.validation("Search query is required") }
        guard trimmed.count <= 200 else { throw DomainError.validation("Search query must be at most 200 characters") }
        var scope = try await readableChannelIds(principal)
        if let channelId {
            let (channel, _) = try await channels.readableForMessages(principal: principal, id: channelId)
            scope = [channel.id]
        }
        return try await store.messages.search(MessageSearch(text: trimmed, channelIds: scope, userId: userId, limit: limit, offset: offset))
    }

    func markRead(principal: Principal, channelId: ObjectId) async throws -> ObjectId {
        let (channel, _) = try await channels.readableForMessages(principal: principal, id: channelId)
        try await store.messages.markRead(userId: principal.userId, channelId: channel.id, at: Date())
        return channel.id
    }

    func unreadCounts(principal: Principal) async throws -> [ObjectId: Int] {
        try await store.messages.unreadCounts(userId: principal.userId, channelIds: try await readableChannelIds(principal))
    }

    func recent(principal: Principal, limit: Int) async throws -> [Message] {
        try await store.messages.recent(inChannels: try await readableChannelIds(principal), limit: limit)
    }

    /// Message figures over the channels the caller may read (everything for super_admin).
    func counts(principal: Principal, since: Date) async throws -> MessageCounts {
        try await store.messages.counts(channelIds: principal.isSuperAdmin ? nil : try await readableChannelIds(principal), since: since)
    }

    /// Figures for the admin dashboards: all channels for super_admin, the administered
    /// groups' channels for a group_admin.
    func adminCounts(principal: Principal, since: Date) async throws -> MessageCounts {
        guard principal.isAnyAdmin else { throw UserPermissions.insufficient }
        if principal.isSuperAdmin { return try await store.messages.counts(channelIds: nil, since: since) }
        let administered = try await channels.groups.administeredGroupIds(principal)
        let channelIds = try await store.channels.list(ChannelQuery(groupIds: administered, includeArchived: true)).items.map(\.id)
        return try await store.messages.counts(channelIds: channelIds, since: since)
    }

    func readableChannelIds(_ principal: Principal) async throws -> [ObjectId] {
        try await channels.readableChannels(principal: principal).items.map(\.id)
    }

    /// Users named with `@` who are members of the group (the author excluded).
    /// The active users named by `@mentions`, the author left out; whether they belong to the
    /// group is checked by the caller.
    private func mentionCandidates(in text: String?, author: ObjectId) async throws -> [User] {
        guard let text else { return [] }
        var users: [User] = []
        for name in MentionParser.usernames(in: text) {
            if let user = try await store.users.find(login: name), user.id != author, user.isActive,
                !users.contains(where: { $0.id == user.id })
            {
                users.append(user)
            }
        }
        return users
    }
}
