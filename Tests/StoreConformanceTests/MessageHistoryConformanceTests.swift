import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("MessageStore history conformance")
struct MessageHistoryConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func insertedMessageReadsBackWithEveryField(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let full = Message(
                channelId: chat.general.id, groupId: chat.group.id, userId: chat.bob.id, username: "bob", text: "see attached",
                type: "file", imageUrl: "/uploads/images/a.png", fileUrl: "/uploads/files/b.pdf",
                attachment: Attachment(url: "/uploads/files/b.pdf", fileName: "b.pdf", fileSize: 1234, mimeType: "application/pdf"),
                mentions: [chat.alice.id], tags: ["docs", "q3"], createdAt: F.at(5), updatedAt: F.at(6))
            let plain = chat.message("hello", at: 7)
            try await messages.insert(full)
            try await messages.insert(plain)

            #expect(try await messages.find(id: full.id) == full)
            #expect(try await messages.find(id: plain.id) == plain)
            #expect(try await messages.find(id: ObjectId()) == nil)
            #expect(try await messages.find(ids: [plain.id, full.id, ObjectId()]).map(\.id).sorted() == [full.id, plain.id].sorted())
            #expect(try await messages.find(ids: []).isEmpty)
            await #expect(throws: StoreError.duplicate(field: "id")) { try await messages.insert(full) }
        }
    }

    @Test(arguments: Engine.available)
    func latestWindowIsTheNewestPageOldestFirstAfterSkippingOffset(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            func history(_ window: HistoryWindow) async throws -> [Message]? {
                try await messages.history(channelId: chat.general.id, window: window)
            }
            var posted: [Message] = []
            for index in 1...10 { posted.append(try await chat.post(messages, "m\(index)", at: Double(index))) }
            try await chat.post(messages, "elsewhere", in: chat.random, at: 20)
            let ids = posted.map(\.id)

            #expect(try await history(.latest(limit: 3, offset: 0))?.map(\.id) == Array(ids[7...9]))
            #expect(try await history(.latest(limit: 3, offset: 2))?.map(\.id) == Array(ids[5...7]))
            #expect(try await history(.latest(limit: 3, offset: 9))?.map(\.id) == [ids[0]])
            #expect(try await history(.latest(limit: 3, offset: 10)) == [])
            #expect(try await history(.latest(limit: 50, offset: 0)) == posted)
            #expect(try await messages.history(channelId: ObjectId(), window: .latest(limit: 50, offset: 0)) == [])
        }
    }

    @Test(arguments: Engine.available)
    func beforeAndAfterCursorsBreakTiesByIdAndNeedAMessageOfTheChannel(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            func history(_ window: HistoryWindow) async throws -> [Message]? {
                try await messages.history(channelId: chat.general.id, window: window)
            }
            var posted: [Message] = []
            // Three messages per second: the id decides their order.
            for index in 0..<9 { posted.append(try await chat.post(messages, "m\(index)", at: Double(index / 3))) }
            let ordered = posted.inHistoryOrder()
            let other = try await chat.post(messages, "elsewhere", in: chat.random, at: 1)

            let middle = ordered[4]
            #expect(try await history(.before(middle.id, limit: 2)) == Array(ordered[2...3]))
            #expect(try await history(.after(middle.id, limit: 2)) == Array(ordered[5...6]))
            #expect(try await history(.before(middle.id, limit: 50)) == Array(ordered[0...3]))
            #expect(try await history(.after(middle.id, limit: 50)) == Array(ordered[5...8]))
            #expect(try await history(.before(ordered[0].id, limit: 5)) == [])
            #expect(try await history(.after(ordered[8].id, limit: 5)) == [])

            #expect(try await history(.before(ObjectId(), limit: 5)) == nil)
            #expect(try await history(.after(other.id, limit: 5)) == nil)
            #expect(try await messages.history(channelId: chat.random.id, window: .before(middle.id, limit: 5)) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func cursorPagesNeitherRepeatNorMissMessagesWhileNewOnesArrive(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            func history(_ window: HistoryWindow) async throws -> [Message]? {
                try await messages.history(channelId: chat.general.id, window: window)
            }
            var posted: [Message] = []
            for index in 0..<23 {
                posted.append(try await chat.post(messages, "m\(index)", by: index % 2 == 0 ? chat.alice : chat.bob, at: Double(index / 2)))
            }
            let original = posted.inHistoryOrder()

            // Scrolling back from the newest page while others keep posting.
            var page = try #require(try await history(.latest(limit: 5, offset: 0)))
            var seen = page
            var arrived: [Message] = []
            // Bounded, so a store that never reaches the end fails instead of hanging.
            for _ in 0..<50 {
                guard let oldest = page.first else { break }
                arrived.append(try await chat.post(messages, "new \(arrived.count)", by: chat.bob, at: 100 + Double(arrived.count)))
                page = try #require(try await history(.before(oldest.id, limit: 5)))
                seen = page + seen
            }
            #expect(page.isEmpty)
            #expect(seen.map(\.id) == original.map(\.id))

            // Catching up from the oldest message while others keep posting: the new messages
            // come last, each once. Posting stops after a few pages so the reader can catch up.
            var forward = [original[0]]
            var caughtUp = false
            var reads = 0
            while !caughtUp, reads < 50 {
                if reads < 4 {
                    arrived.append(try await chat.post(messages, "later \(arrived.count)", by: chat.bob, at: 200 + Double(arrived.count)))
                }
                reads += 1
                let next = try #require(try await history(.after(forward[forward.count - 1].id, limit: 4)))
                forward += next
                caughtUp = next.isEmpty
            }
            #expect(caughtUp)
            let everything = (original + arrived).inHistoryOrder()
            #expect(forward.map(\.id) == everything.map(\.id))
            #expect(Set(forward.map(\.id)).count == forward.count)
        }
    }

    @Test(arguments: Engine.available)
    func tombstoneKeepsItsPlaceWithoutItsContentAndLeavesTheOtherReads(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            func history(_ window: HistoryWindow) async throws -> [Message]? {
                try await messages.history(channelId: chat.general.id, window: window)
            }
            let keep = try await chat.post(messages, "keep this unicorn", at: 1)
            var rich = chat.message("delete this unicorn", at: 2)
            rich.imageUrl = "/uploads/images/x.png"
            rich.fileUrl = "/uploads/files/x.pdf"
            rich.attachment = Attachment(url: "/uploads/files/x.pdf", fileName: "x.pdf")
            rich.mentions = [chat.bob.id]
            rich.tags = ["t"]
            try await messages.insert(rich)

            let tombstone = try #require(try await messages.tombstone(id: rich.id, at: F.at(10)))
            #expect(tombstone.isDeleted)
            #expect(tombstone.deletedAt == F.at(10))
            #expect(tombstone.updatedAt == F.at(10))
            #expect(tombstone.text == nil)
            #expect(tombstone.imageUrl == nil)
            #expect(tombstone.fileUrl == nil)
            #expect(tombstone.attachment == nil)
            #expect(tombstone.mentions.isEmpty)
            #expect(tombstone.createdAt == rich.createdAt)
            #expect(tombstone.username == rich.username)
            #expect(try await messages.find(id: rich.id) == tombstone)

            // Deleting again changes nothing; deleting nothing answers nil; a tombstone cannot be edited.
            #expect(try await messages.tombstone(id: rich.id, at: F.at(20)) == tombstone)
            #expect(try await messages.tombstone(id: ObjectId(), at: F.at(20)) == nil)
            #expect(try await messages.edit(id: rich.id, text: "back", mentions: [], by: chat.alice.id, at: F.at(21)) == nil)

            // History leaves it out unless asked for it.
            #expect(try await history(.latest(limit: 10, offset: 0)) == [keep])
            #expect(
                try await messages.history(channelId: chat.general.id, window: .latest(limit: 10, offset: 0), includingDeleted: true)
                    == [keep, tombstone])
            let found = try await messages.search(MessageSearch(text: "unicorn", channelIds: [chat.general.id]))
            #expect(found.items == [keep])
            #expect(found.total == 1)
            #expect(try await messages.search(MessageSearch(text: "delete this", channelIds: [chat.general.id])).total == 0)
            #expect(try await messages.recent(inChannels: [chat.general.id], limit: 10) == [keep])
            #expect(try await messages.messages(byUser: chat.alice.id, inChannels: [chat.general.id], limit: 10, offset: 0) == [keep])
            let counts = try await messages.counts(channelIds: [chat.general.id], since: F.at(0))
            #expect(counts.total == 1)
            #expect(counts.since == 1)
            #expect(counts.byChannel[chat.general.id] == 1)
        }
    }

    @Test(arguments: Engine.available)
    func repliesCountOnTheirParentAndADeletedReplyNoLonger(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let parent = try await chat.post(messages, "question", at: 1)
            let first = try await chat.post(messages, "answer one", by: chat.bob, at: 5, replyTo: parent.id)
            let second = try await chat.post(messages, "answer two", at: 3, replyTo: parent.id)
            let third = try await chat.post(messages, "answer three", by: chat.bob, at: 4, replyTo: parent.id)
            try await chat.post(messages, "unrelated", at: 6)

            var stored = try #require(try await messages.find(id: parent.id))
            #expect(stored.replyCount == 3)
            // The newest reply's time, although it was not inserted last.
            #expect(stored.lastReplyAt == F.at(5))

            let thread = try await messages.replies(to: parent.id, limit: 2, offset: 0)
            #expect(thread.items.map(\.id) == [second.id, third.id])
            #expect(thread.total == 3)
            #expect(try await messages.replies(to: parent.id, limit: 2, offset: 2).items.map(\.id) == [first.id])
            #expect(try await messages.replies(to: ObjectId(), limit: 10, offset: 0).total == 0)

            _ = try await messages.tombstone(id: third.id, at: F.at(10))
            stored = try #require(try await messages.find(id: parent.id))
            #expect(stored.replyCount == 2)
            _ = try await messages.tombstone(id: third.id, at: F.at(11))
            #expect(try await messages.find(id: parent.id)?.replyCount == 2)
            _ = try await messages.tombstone(id: second.id, at: F.at(12))
            _ = try await messages.tombstone(id: first.id, at: F.at(13))
            #expect(try await messages.find(id: parent.id)?.replyCount == 0)

            // The thread keeps its tombstones, like the history.
            let after = try await messages.replies(to: parent.id, limit: 10, offset: 0)
            #expect(after.total == 3)
            #expect(after.items.allSatisfy { $0.isDeleted && $0.text == nil })

            try await chat.post(messages, "answer four", at: 14, replyTo: parent.id)
            #expect(try await messages.find(id: parent.id)?.replyCount == 1)
            #expect(try await messages.find(id: parent.id)?.lastReplyAt == F.at(14))
        }
    }

    @Test(arguments: Engine.available)
    func editKeepsThePreviousTextsOldestFirst(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let original = try await chat.post(messages, "frist draft", at: 1)

            let once = try #require(
                try await messages.edit(id: original.id, text: "first draft", mentions: [chat.bob.id], by: chat.alice.id, at: F.at(5)))
            #expect(once.text == "first draft")
            #expect(once.isEdited)
            #expect(once.editedAt == F.at(5))
            #expect(once.updatedAt == F.at(5))
            #expect(once.mentions == [chat.bob.id])
            #expect(once.createdAt == original.createdAt)
            let twice = try #require(
                try await messages.edit(id: original.id, text: "final text", mentions: [], by: chat.bob.id, at: F.at(9)))
            #expect(try await messages.find(id: original.id) == twice)
            #expect(try await messages.edit(id: ObjectId(), text: "x", mentions: [], by: chat.alice.id, at: F.at(9)) == nil)

            let edits = try await messages.edits(of: original.id)
            #expect(edits.map(\.previousText) == ["frist draft", "first draft"])
            #expect(edits.map(\.editedBy) == [chat.alice.id, chat.bob.id])
            #expect(edits.map(\.editedAt) == [F.at(5), F.at(9)])
            #expect(edits.allSatisfy { $0.messageId == original.id })
            #expect(try await messages.edits(of: ObjectId()).isEmpty)

            // The index follows the text.
            #expect(try await messages.search(MessageSearch(text: "final", channelIds: [chat.general.id])).items.map(\.id) == [original.id])
            #expect(try await messages.search(MessageSearch(text: "draft", channelIds: [chat.general.id])).total == 0)
        }
    }

    @Test(arguments: Engine.available)
    func messagesByUserAreNewestFirstInTheGivenChannels(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let a1 = try await chat.post(messages, "a1", at: 1)
            try await chat.post(messages, "b1", by: chat.bob, at: 2)
            let a2 = try await chat.post(messages, "a2", in: chat.random, at: 3)
            let a3 = try await chat.post(messages, "a3", at: 4)
            let gone = try await chat.post(messages, "a4", at: 5)
            _ = try await messages.tombstone(id: gone.id, at: F.at(6))

            let both = [chat.general.id, chat.random.id]
            #expect(try await messages.messages(byUser: chat.alice.id, inChannels: both, limit: 10, offset: 0) == [a3, a2, a1])
            #expect(try await messages.messages(byUser: chat.alice.id, inChannels: both, limit: 1, offset: 1) == [a2])
            #expect(try await messages.messages(byUser: chat.alice.id, inChannels: [chat.general.id], limit: 10, offset: 0) == [a3, a1])
            #expect(try await messages.messages(byUser: chat.alice.id, inChannels: [], limit: 10, offset: 0).isEmpty)
            #expect(try await messages.messages(byUser: ObjectId(), inChannels: both, limit: 10, offset: 0).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func recentIsNewestFirstAcrossTheGivenChannels(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let other = try await F.insertChannel(store, "other", in: chat.group, by: chat.alice)
            let g1 = try await chat.post(messages, "g1", at: 1)
            let r1 = try await chat.post(messages, "r1", in: chat.random, at: 2)
            let g2 = try await chat.post(messages, "g2", by: chat.bob, at: 3)
            try await chat.post(messages, "o1", in: other, at: 4)
            let deleted = try await chat.post(messages, "r2", in: chat.random, at: 5)
            _ = try await messages.tombstone(id: deleted.id, at: F.at(6))

            let both = [chat.general.id, chat.random.id]
            #expect(try await messages.recent(inChannels: both, limit: 10) == [g2, r1, g1])
            #expect(try await messages.recent(inChannels: both, limit: 2) == [g2, r1])
            #expect(try await messages.recent(inChannels: [chat.random.id, chat.random.id], limit: 10) == [r1])
            #expect(try await messages.recent(inChannels: [], limit: 10).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func messagesOfADeletedAccountStayAttributedToIt(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            func history(_ window: HistoryWindow) async throws -> [Message]? {
                try await messages.history(channelId: chat.general.id, window: window)
            }
            let message = try await chat.post(messages, "still here", by: chat.bob, at: 1)
            #expect(try await store.users.delete(id: chat.bob.id))
            #expect(try await messages.find(id: message.id) == message)
            #expect(try await history(.latest(limit: 10, offset: 0)) == [message])
        }
    }
}
