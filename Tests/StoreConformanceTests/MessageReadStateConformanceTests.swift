import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("MessageStore read state and counts conformance")
struct MessageReadStateConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func unreadCountsOthersMessagesAfterTheReadMark(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            try await chat.post(messages, "mine", at: 1)
            try await chat.post(messages, "b1", by: chat.bob, at: 2)
            try await chat.post(messages, "b2", by: chat.bob, at: 3)
            let b3 = try await chat.post(messages, "b3", by: chat.bob, at: 4)
            try await chat.post(messages, "r1", in: chat.random, by: chat.bob, at: 5)
            let both = [chat.general.id, chat.random.id]

            // Never read: everything by others; own messages never count.
            #expect(try await messages.unreadCounts(userId: chat.alice.id, channelIds: both) == [chat.general.id: 3, chat.random.id: 1])
            #expect(try await messages.unreadCounts(userId: chat.bob.id, channelIds: both) == [chat.general.id: 1])

            // A message created exactly at the read mark has been read.
            try await messages.markRead(userId: chat.alice.id, channelId: chat.general.id, at: F.at(3))
            var unread = try await messages.unreadCounts(userId: chat.alice.id, channelIds: both)
            #expect(unread[chat.general.id] == 1)
            #expect(unread[chat.random.id] == 1)
            #expect(try await messages.unreadCounts(userId: chat.bob.id, channelIds: both) == [chat.general.id: 1])

            _ = try await messages.tombstone(id: b3.id, at: F.at(6))
            unread = try await messages.unreadCounts(userId: chat.alice.id, channelIds: both)
            #expect(unread[chat.general.id, default: 0] == 0)

            try await messages.markRead(userId: chat.alice.id, channelId: chat.random.id, at: F.at(5))
            try await chat.post(messages, "b4", by: chat.bob, at: 7)
            unread = try await messages.unreadCounts(userId: chat.alice.id, channelIds: both)
            #expect(unread[chat.general.id] == 1)
            #expect(unread[chat.random.id, default: 0] == 0)

            // Marking again moves the mark.
            try await messages.markRead(userId: chat.alice.id, channelId: chat.general.id, at: F.at(8))
            unread = try await messages.unreadCounts(userId: chat.alice.id, channelIds: both)
            #expect(unread.values.allSatisfy { $0 == 0 })

            #expect(try await messages.unreadCounts(userId: chat.alice.id, channelIds: []).isEmpty)
            #expect(try await messages.unreadCounts(userId: chat.alice.id, channelIds: [ObjectId()]).values.allSatisfy { $0 == 0 })
        }
    }

    @Test(arguments: Engine.available)
    func countsTotalSinceAndPerChannelWithoutTombstones(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let otherGroup = try await F.insertGroup(store, "Rust", by: chat.alice)
            let elsewhere = try await F.insertChannel(store, "general", in: otherGroup, by: chat.alice)
            try await chat.post(messages, "g1", at: 1)
            try await chat.post(messages, "g2", by: chat.bob, at: 5)
            let deleted = try await chat.post(messages, "g3", at: 6)
            _ = try await messages.tombstone(id: deleted.id, at: F.at(7))
            try await chat.post(messages, "r1", in: chat.random, at: 2)
            try await chat.post(messages, "r2", in: chat.random, at: 9)
            try await messages.insert(
                Message(
                    channelId: elsewhere.id, groupId: otherGroup.id, userId: chat.alice.id, username: "alice", text: "e1",
                    createdAt: F.at(10)))

            let scoped = try await messages.counts(channelIds: [chat.general.id, chat.random.id], since: F.at(5))
            #expect(scoped == MessageCounts(total: 4, since: 2, byChannel: [chat.general.id: 2, chat.random.id: 2]))
            let all = try await messages.counts(channelIds: nil, since: F.at(0))
            #expect(all == MessageCounts(total: 5, since: 5, byChannel: [chat.general.id: 2, chat.random.id: 2, elsewhere.id: 1]))
            let none = try await messages.counts(channelIds: [], since: F.at(0))
            #expect(none.total == 0)
            #expect(none.since == 0)
            #expect(none.byChannel.values.allSatisfy { $0 == 0 })
        }
    }
}
