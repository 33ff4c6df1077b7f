import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("Store.removeAll conformance for messages")
struct MessageRemoveAllConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func removeAllEmptiesMessagesTheirIndexAndEverythingHangingOffThem(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, reactions in
            let chat = try await ChatFixture.make(store)
            let parent = try await chat.post(messages, "needle in general", at: 1)
            let reply = try await chat.post(messages, "needle reply", by: chat.bob, at: 2, replyTo: parent.id)
            try await chat.post(messages, "needle nested", at: 3, replyTo: reply.id)
            _ = try await messages.edit(id: parent.id, text: "needle edited", mentions: [], by: chat.alice.id, at: F.at(4))
            _ = try await reactions.upsert(Reaction(messageId: parent.id, userId: chat.bob.id, username: "bob", reaction: "👍"))
            try await messages.markRead(userId: chat.alice.id, channelId: chat.general.id, at: F.at(5))

            let removed = try await store.removeAll()
            // Replies count although removing their parent would have cascaded to them.
            if engine == .sqlite {
                #expect(removed["messages"] == 3)
                #expect(removed["message_edits"] == 1)
                #expect(removed["message_reactions"] == 1)
                #expect(removed["read_state"] == 1)
            }
            #expect(try await messages.find(id: parent.id) == nil)
            #expect(try await messages.edits(of: parent.id).isEmpty)
            #expect(try await reactions.reactions(messageIds: [parent.id]).isEmpty)
            #expect(try await messages.search(MessageSearch(text: "needle", channelIds: [chat.general.id])).total == 0)
            #expect(try await messages.counts(channelIds: nil, since: F.at(0)).total == 0)

            // The store works as new afterwards, search included.
            let again = try await ChatFixture.make(store)
            let fresh = try await again.post(messages, "needle again", at: 10)
            #expect(try await messages.search(MessageSearch(text: "needle", channelIds: [again.general.id])).items == [fresh])
            #expect(try await messages.unreadCounts(userId: again.bob.id, channelIds: [again.general.id]) == [again.general.id: 1])
        }
    }
}
