import Foundation
import Logging
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// Messages and reactions on a real server, including documents the old Node server wrote;
/// run only when MONGODB_URL is set. The protocol behaviour itself is covered by the
/// conformance suite.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MONGODB_URL"] != nil, "set MONGODB_URL to run"))
struct MongoMessageStoreLiveTests {
    private let logger = Logger(label: "MongoMessageStoreLiveTests")
    private let channelId = ObjectId()
    private let groupId = ObjectId()
    private let alice = ObjectId()
    private let bob = ObjectId()

    private func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_700_000_000 + seconds) }

    private func withStore(_ body: (MongoStore) async throws -> Void) async throws {
        let store = try await MongoStore.connect(url: MongoStoreLiveTests.uniqueDatabaseURL(), logger: logger)
        do {
            _ = try await store.removeAll()
            try await body(store)
            _ = try await store.removeAll()
        } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }

    @Test func historyRepliesEditsAndTombstones() async throws {
        try await withStore { store in
            let messages = store.messages
            // Three messages in one millisecond: the cursor must order them by id.
            var sent = [Message]()
            for index in 0..<6 {
                let message = Message(
                    channelId: channelId, groupId: groupId, userId: alice, username: "alice", text: "message \(index)",
                    createdAt: at(index < 3 ? 1 : Double(index)))
                try await messages.insert(message)
                sent.append(message)
            }
            let ordered = sent.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            #expect(try await messages.history(channelId: channelId, window: .latest(limit: 4, offset: 1)) == Array(ordered[1..<5]))
            #expect(try await messages.history(channelId: channelId, window: .before(ordered[2].id, limit: 10)) == Array(ordered[0..<2]))
            #expect(try await messages.history(channelId: channelId, window: .after(ordered[1].id, limit: 2)) == Array(ordered[2..<4]))
            #expect(try await messages.history(channelId: ObjectId(), window: .after(ordered[1].id, limit: 2)) == nil)

            let parent = ordered[0]
            let reply = Message(
                channelId: channelId, groupId: groupId, userId: bob, username: "bob", text: "a reply", replyTo: parent.id,
                createdAt: at(10))
            try await messages.insert(reply)
            #expect(try await messages.find(id: parent.id)?.replyCount == 1)
            #expect(try await messages.find(id: parent.id)?.lastReplyAt == at(10))
            #expect(try await messages.replies(to: parent.id, limit: 10, offset: 0).items == [reply])

            let edited = try #require(try await messages.edit(id: reply.id, text: "edited", mentions: [alice], by: bob, at: at(11)))
            #expect(edited.text == "edited" && edited.isEdited && edited.mentions == [alice])
            _ = try await messages.edit(id: reply.id, text: "again", mentions: [], by: bob, at: at(11))
            #expect(try await messages.edits(of: reply.id).map(\.previousText) == ["a reply", "edited"])

            let tombstone = try #require(try await messages.tombstone(id: reply.id, at: at(12)))
            #expect(tombstone.isDeleted && tombstone.text == nil && tombstone.mentions.isEmpty)
            #expect(try await messages.tombstone(id: reply.id, at: at(13)) == tombstone, "already deleted: unchanged")
            #expect(try await messages.find(id: parent.id)?.replyCount == 0)
            #expect(try await messages.edit(id: reply.id, text: "x", mentions: [], by: bob, at: at(14)) == nil)
            #expect(try await messages.tombstone(id: ObjectId(), at: at(14)) == nil)
        }
    }

    @Test func searchReadStateCountsAndReactions() async throws {
        try await withStore { store in
            let messages = store.messages
            let english = Message(
                channelId: channelId, groupId: groupId, userId: alice, username: "alice", text: "The release notes are out",
                createdAt: at(1))
            let japanese = Message(
                channelId: channelId, groupId: groupId, userId: bob, username: "bob", text: "東京タワーに行きました", createdAt: at(2))
            try await messages.insert(english)
            try await messages.insert(japanese)

            #expect(try await messages.search(MessageSearch(text: "release NOTES", channelIds: [channelId])).items == [english])
            #expect(try await messages.search(MessageSearch(text: "the", channelIds: [channelId])).total == 1, "no stop words")
            #expect(try await messages.search(MessageSearch(text: "タワー", channelIds: [channelId])).items == [japanese])
            #expect(try await messages.search(MessageSearch(text: "release", channelIds: [ObjectId()])).total == 0)

            #expect(try await messages.unreadCounts(userId: alice, channelIds: [channelId]) == [channelId: 1])
            try await messages.markRead(userId: alice, channelId: channelId, at: at(2))
            #expect(try await messages.unreadCounts(userId: alice, channelIds: [channelId]).isEmpty)
            #expect(
                try await messages.counts(channelIds: nil, since: at(2))
                    == MessageCounts(total: 2, since: 1, byChannel: [channelId: 2]))

            let first = Reaction(messageId: english.id, userId: bob, username: "bob", reaction: "👍", createdAt: at(3))
            let inserted = try await store.reactions.upsert(first)
            #expect(inserted.created && inserted.reaction == first)
            let second = Reaction(messageId: english.id, userId: bob, username: "bob", reaction: "🎉", createdAt: at(4))
            let replaced = try await store.reactions.upsert(second)
            #expect(!replaced.created && replaced.reaction.id == first.id && replaced.reaction.reaction == "🎉")
            #expect(try await store.reactions.reactions(messageIds: [english.id]).map(\.reaction) == ["🎉"])
            #expect(try await store.reactions.remove(messageId: english.id, userId: bob)?.reaction == "🎉")
            #expect(try await store.reactions.find(messageId: english.id, userId: bob) == nil)
        }
    }

    @Test func oldServerMessagesAndReactionsAreRead() async throws {
        try await withStore { store in
            let raw = MongoCollection(connection: store.connection, name: MessageDocuments.collection)
            let parentId = ObjectId()
            let copyId = ObjectId()
            try await raw.insertOne([
                "_id": .objectId(parentId), "channelId": .string(channelId.hexString), "userId": .string(alice.hexString),
                "username": "alice", "text": "old parent", "replyTo": nil, "mentions": nil, "isEdited": false,
                "isDeleted": false, "createdAt": .date(at(1)), "updatedAt": .date(at(1)),
            ])
            try await raw.insertOne([
                "_id": .objectId(copyId), "channelId": .objectId(channelId), "userId": .objectId(bob), "username": "bob",
                "text": "old reply", "type": "text", "isReply": true, "originalMessageId": .objectId(parentId),
                "fileName": nil, "fileSize": nil, "createdAt": .date(at(2)), "updatedAt": .date(at(2)),
            ])
            let history = try #require(try await store.messages.history(channelId: channelId, window: .latest(limit: 10, offset: 0)))
            #expect(history.map(\.id) == [parentId, copyId])
            #expect(history.first?.groupId == channelId)
            #expect(try await store.messages.replies(to: parentId, limit: 10, offset: 0).total == 1)
            // The old parent never counted its replies; deleting one must not make the count negative.
            _ = try await store.messages.tombstone(id: copyId, at: at(3))
            #expect(try await store.messages.find(id: parentId)?.replyCount == 0)

            let reactions = MongoCollection(connection: store.connection, name: ReactionDocuments.collection)
            try await reactions.insertOne([
                "_id": .objectId(ObjectId()), "messageId": .objectId(parentId), "userId": .objectId(bob),
                "reaction": ["emoji": "?"], "createdAt": .date(at(4)),
            ])
            #expect(try await store.reactions.reactions(messageIds: [parentId]).isEmpty)
        }
    }

    @Test func messagesWithoutSearchGramsAreFoundAndThenBackfilled() async throws {
        try await withStore { store in
            let raw = MongoCollection(connection: store.connection, name: MessageDocuments.collection)
            let oldId = ObjectId()
            let cjkId = ObjectId()
            for (id, text) in [(oldId, "an old zebra crossing"), (cjkId, "今日は東京へ")] {
                try await raw.insertOne([
                    "_id": .objectId(id), "channelId": .string(channelId.hexString), "userId": .string(alice.hexString),
                    "username": "alice", "text": .string(text), "isDeleted": false, "createdAt": .date(at(1)),
                    "updatedAt": .date(at(1)),
                ])
            }
            let messages = try #require(store.messages as? MongoMessageStore)
            func found(_ text: String) async throws -> [ObjectId] {
                try await messages.search(MessageSearch(text: text, channelIds: [channelId])).items.map(\.id)
            }
            // Found by the text alone before the backfill...
            #expect(try await found("zebr") == [oldId])
            // ...(the one started by connect may have done it already, so the count is not asserted)...
            _ = try await messages.backfillSearchGrams()
            let document = try #require(try await raw.findOne(["_id": .objectId(oldId)]))
            #expect(document["searchGrams"] == .array(MessageSearchGrams.grams(of: "an old zebra crossing").map(BSONValue.string)))
            #expect(try await messages.backfillSearchGrams() == 0, "nothing left to do")
            // ...and through the grams after it.
            #expect(try await found("zebr") == [oldId])
            #expect(try await found("は東京") == [cjkId])
        }
    }
}
