import Foundation
import ParleyCore
import ParleyStore

/// Reactions: one per user and message, on messages the caller may read.
public struct ReactionService: Sendable {
    let store: any Store
    let messages: MessageService
    let events: any EventBus

    /// Adds or replaces the caller's reaction; `created` is false when it replaced one.
    func react(principal: Principal, messageId: ObjectId, reaction: String) async throws -> (Reaction, created: Bool) {
        let text = reaction.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw DomainError.validation("Reaction is required") }
        guard text.count <= 16, text.utf8.count <= Reaction.maximumLength else {
            throw DomainError.validation("A reaction is one emoji or a short name (at most 16 characters)")
        }
        let message = try await messages.get(principal: principal, id: messageId)
        guard !message.isDeleted else { throw MessageService.notFound }
        let (stored, created) = try await store.reactions.upsert(
            Reaction(messageId: message.id, userId: principal.userId, username: principal.username, reaction: text))
        events.publish(.reactionChanged(message: message, userId: principal.userId, username: principal.username, reaction: text))
        return (stored, created)
    }

    func remove(principal: Principal, messageId: ObjectId) async throws -> Reaction {
        let message = try await messages.get(principal: principal, id: messageId)
        guard let removed = try await store.reactions.remove(messageId: message.id, userId: principal.userId) else {
            throw DomainError.notFound("Reaction not found")
        }
        events.publish(.reactionChanged(message: message, userId: principal.userId, username: principal.username, reaction: nil))
        return removed
    }

    func reactions(principal: Principal, messageId: ObjectId) async throws -> [Reaction] {
        let message = try await messages.get(principal: principal, id: messageId)
        return try await store.reactions.reactions(messageIds: [message.id])
    }

    func mine(principal: Principal, messageId: ObjectId) async throws -> Reaction? {
        let message = try await messages.get(principal: principal, id: messageId)
        return try await store.reactions.find(messageId: message.id, userId: principal.userId)
    }

    /// Reactions for many messages at once; messages the caller may not read come back empty.
    func reactions(principal: Principal, messageIds: [ObjectId]) async throws -> [ObjectId: [Reaction]] {
        let readable = try await readableMessageIds(principal: principal, ids: messageIds)
        let all = try await store.reactions.reactions(messageIds: Array(readable))
        var grouped = Dictionary(uniqueKeysWithValues: messageIds.map { ($0, [Reaction]()) })
        for reaction in all { grouped[reaction.messageId, default: []].append(reaction) }
        return grouped
    }

    /// The subset of `ids` whose channel the caller may read.
    func readableMessageIds(principal: Principal, ids: [ObjectId]) async throws -> Set<ObjectId> {
        let channelIds = Set(try await messages.readableChannelIds(principal))
        return Set(try await store.messages.find(ids: ids).filter { channelIds.contains($0.channelId) }.map(\.id))
    }
}
