import Foundation
import ParleyCore
import ParleyStore
import Testing

/// History as clients read it: tombstones left out by the store itself, so every window still
/// holds up to `limit` live messages and the cursors walk past deleted ones.
@Suite("MessageStore live history conformance")
struct MessageLiveHistoryConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func everyWindowHoldsUpToLimitLiveMessages(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            func live(_ window: HistoryWindow) async throws -> [Message]? {
                try await messages.history(channelId: chat.general.id, window: window)
            }
            func all(_ window: HistoryWindow) async throws -> [Message]? {
                try await messages.history(channelId: chat.general.id, window: window, includingDeleted: true)
            }
            // Twelve messages, two per second (the id orders each pair); in history order every
            // third one (0, 3, 6, 9) and the newest (11) are deleted.
            var posted: [Message] = []
            for index in 0..<12 { posted.append(try await chat.post(messages, "m\(index)", at: Double(index / 2))) }
            let ordered = posted.inHistoryOrder()
            let deletedIndexes: Set<Int> = [0, 3, 6, 9, 11]
            var tombstones: [ObjectId: Message] = [:]
            for index in deletedIndexes.sorted() {
                tombstones[ordered[index].id] = try #require(try await messages.tombstone(id: ordered[index].id, at: F.at(100)))
            }
            let liveOnes = ordered.enumerated().filter { !deletedIndexes.contains($0.offset) }.map(\.element)
            let withTombstones = ordered.map { tombstones[$0.id] ?? $0 }
            #expect(liveOnes.count == 7)

            #expect(try await live(.latest(limit: 3, offset: 0)) == Array(liveOnes[4...6]))
            #expect(try await live(.latest(limit: 3, offset: 3)) == Array(liveOnes[1...3]))
            #expect(try await live(.latest(limit: 50, offset: 0)) == liveOnes)
            #expect(try await all(.latest(limit: 3, offset: 0)) == Array(withTombstones[9...11]))
            #expect(try await all(.latest(limit: 50, offset: 0)) == withTombstones)

            // Cursors on live messages and on tombstones alike.
            #expect(try await live(.before(ordered[7].id, limit: 3)) == [ordered[2], ordered[4], ordered[5]])
            #expect(try await live(.after(ordered[2].id, limit: 3)) == [ordered[4], ordered[5], ordered[7]])
            #expect(try await live(.before(ordered[6].id, limit: 2)) == [ordered[4], ordered[5]])
            #expect(try await live(.after(ordered[9].id, limit: 5)) == [ordered[10]])
            #expect(try await live(.after(ordered[11].id, limit: 5)) == [])
            #expect(try await all(.after(ordered[9].id, limit: 5)) == [ordered[10], withTombstones[11]])
            #expect(try await all(.before(ordered[1].id, limit: 5)) == [withTombstones[0]])
            #expect(try await live(.before(ordered[1].id, limit: 5)) == [])
            #expect(try await live(.before(ObjectId(), limit: 5)) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func scrollingBackThroughLiveHistoryMeetsEachLiveMessageOnce(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            var posted: [Message] = []
            for index in 0..<30 { posted.append(try await chat.post(messages, "m\(index)", at: Double(index / 3))) }
            let ordered = posted.inHistoryOrder()
            // A run of deletions longer than a page, and scattered ones.
            for (index, message) in ordered.enumerated() where (10..<20).contains(index) || index % 4 == 0 {
                _ = try await messages.tombstone(id: message.id, at: F.at(50))
            }
            let expected = ordered.enumerated().filter { !((10..<20).contains($0.offset) || $0.offset % 4 == 0) }.map(\.element.id)

            var page = try #require(try await messages.history(channelId: chat.general.id, window: .latest(limit: 4, offset: 0)))
            var seen = page.map(\.id)
            for _ in 0..<50 {
                guard let oldest = page.first else { break }
                #expect(page.count == 4 || page.count == expected.count % 4, "a page short of live messages")
                page = try #require(try await messages.history(channelId: chat.general.id, window: .before(oldest.id, limit: 4)))
                seen = page.map(\.id) + seen
            }
            #expect(seen == expected)
        }
    }

    @Test(arguments: Engine.available)
    func aReplyKeepsPointingAtItsDeletedParent(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let parent = try await chat.post(messages, "question", at: 1)
            let reply = try await chat.post(messages, "answer", by: chat.bob, at: 2, replyTo: parent.id)
            _ = try await messages.tombstone(id: parent.id, at: F.at(3))

            #expect(try await messages.history(channelId: chat.general.id, window: .latest(limit: 10, offset: 0)) == [reply])
            #expect(try await messages.find(id: reply.id)?.replyTo == parent.id)
            #expect(try await messages.find(id: parent.id)?.isDeleted == true)
            #expect(try await messages.replies(to: parent.id, limit: 10, offset: 0).items.map(\.id) == [reply.id])
        }
    }
}
