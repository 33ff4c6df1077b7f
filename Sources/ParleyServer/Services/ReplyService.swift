import Foundation
import ParleyCore
import ParleyStore

/// Threads: replies are messages whose `replyTo` names the original.
public struct ReplyService: Sendable {
    let store: any Store
    let messages: MessageService

    /// Posts a reply in the original message's channel. A `channelId` that names another
    /// channel is refused (the old server let replies land anywhere).
    func reply(
        principal: Principal, to parentId: ObjectId, channelId: ObjectId?, draft: MessageDraft, urls: AttachmentURLPolicy
    ) async throws -> (reply: Message, parent: Message) {
        let parent = try await messages.get(principal: principal, id: parentId)
        if let channelId, channelId != parent.channelId, channelId != parent.groupId {
            throw DomainError.validation("A reply must be posted in the channel of the original message")
        }
        var draft = draft
        draft.replyTo = parent.id
        let reply = try await messages.post(principal: principal, channelId: parent.channelId, draft: draft, urls: urls)
        return (reply, try await store.messages.find(id: parent.id) ?? parent)
    }

    func replies(principal: Principal, to parentId: ObjectId, page: Int, limit: Int) async throws -> Page<Message> {
        let parent = try await messages.get(principal: principal, id: parentId)
        return try await store.messages.replies(to: parent.id, limit: limit, offset: (page - 1) * limit)
    }

    /// Live replies to each of `ids` (those the caller may read; others come back empty).
    func replies(principal: Principal, to ids: [ObjectId]) async throws -> [ObjectId: [Message]] {
        let readable = Set(try await messages.readableChannelIds(principal))
        var result = Dictionary(uniqueKeysWithValues: ids.map { ($0, [Message]()) })
        for parent in try await store.messages.find(ids: ids) where readable.contains(parent.channelId) {
            result[parent.id] = try await store.messages.replies(to: parent.id, limit: 100, offset: 0).items.filter { !$0.isDeleted }
        }
        return result
    }

    /// Deleting a reply: the same rule as any message (author, group admin, super_admin).
    func delete(principal: Principal, replyId: ObjectId) async throws -> (before: Message, after: Message) {
        let reply = try await messages.get(principal: principal, id: replyId)
        guard reply.replyTo != nil else { throw DomainError.notFound("Reply not found") }
        return (reply, try await messages.delete(principal: principal, id: replyId))
    }
}
