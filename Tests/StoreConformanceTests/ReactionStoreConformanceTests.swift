import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("ReactionStore conformance")
struct ReactionStoreConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func upsertCreatesOnceThenReplacesTheUsersReaction(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, reactions in
            let chat = try await ChatFixture.make(store)
            let message = try await chat.post(messages, "ship it", at: 1)

            let thumbs = Reaction(messageId: message.id, userId: chat.bob.id, username: "bob", reaction: "👍", createdAt: F.at(2))
            let first = try await reactions.upsert(thumbs)
            #expect(first.created)
            #expect(first.reaction == thumbs)

            let party = Reaction(messageId: message.id, userId: chat.bob.id, username: "bob", reaction: "🎉", createdAt: F.at(5))
            let second = try await reactions.upsert(party)
            #expect(second.created == false)
            // The same reaction record, changed: its id and creation time stay.
            #expect(second.reaction.id == thumbs.id)
            #expect(second.reaction.reaction == "🎉")
            #expect(second.reaction.createdAt == F.at(2))
            #expect(second.reaction.updatedAt == F.at(5))
            #expect(try await reactions.find(messageId: message.id, userId: chat.bob.id) == second.reaction)
            #expect(try await reactions.reactions(messageIds: [message.id]) == [second.reaction])

            // Sending the same request again is still not a creation.
            #expect(try await reactions.upsert(party).created == false)
        }
    }

    @Test(arguments: Engine.available)
    func oneReactionPerUserListedOldestFirstAndRemovable(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, reactions in
            let chat = try await ChatFixture.make(store)
            let first = try await chat.post(messages, "one", at: 1)
            let second = try await chat.post(messages, "two", at: 2)
            let byBob = Reaction(messageId: first.id, userId: chat.bob.id, username: "bob", reaction: "❤️", createdAt: F.at(4))
            let byAlice = Reaction(messageId: first.id, userId: chat.alice.id, username: "alice", reaction: "👍", createdAt: F.at(3))
            let onSecond = Reaction(messageId: second.id, userId: chat.bob.id, username: "bob", reaction: "😂", createdAt: F.at(5))
            for reaction in [byBob, byAlice, onSecond] { #expect(try await reactions.upsert(reaction).created) }

            #expect(try await reactions.reactions(messageIds: [first.id]) == [byAlice, byBob])
            #expect(try await reactions.reactions(messageIds: [second.id, first.id]) == [byAlice, byBob, onSecond])
            #expect(try await reactions.reactions(messageIds: []).isEmpty)
            #expect(try await reactions.find(messageId: second.id, userId: chat.alice.id) == nil)

            #expect(try await reactions.remove(messageId: first.id, userId: chat.bob.id) == byBob)
            #expect(try await reactions.remove(messageId: first.id, userId: chat.bob.id) == nil)
            #expect(try await reactions.find(messageId: first.id, userId: chat.bob.id) == nil)
            #expect(try await reactions.reactions(messageIds: [first.id, second.id]) == [byAlice, onSecond])
        }
    }
}
