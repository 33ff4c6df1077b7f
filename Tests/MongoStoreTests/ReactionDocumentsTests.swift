import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `messageReactions` documents: the upsert, how its reply is read, and old reactions.
struct ReactionDocumentsTests {
    private let messageId = ObjectId("5f1d7f3a9b1e8a00eeeeee01") ?? ObjectId()
    private let reactionId = ObjectId("5f1d7f3a9b1e8a00eeeeee07") ?? ObjectId()

    private var reaction: Reaction {
        Reaction(
            id: reactionId, messageId: messageId, userId: Fixtures.userId, username: "alice", reaction: "👍",
            createdAt: Fixtures.createdAt, updatedAt: Fixtures.updatedAt)
    }

    private var stored: BSONDocument {
        [
            "_id": .objectId(reactionId), "messageId": .objectId(messageId), "userId": .objectId(Fixtures.userId),
            "reaction": "👍", "username": "alice", "createdAt": .date(Fixtures.createdAt), "updatedAt": .date(Fixtures.updatedAt),
        ]
    }

    @Test func indexIsUniquePerMessageAndUser() {
        #expect(
            ReactionDocuments.indexes.map(\.createCommand) == [
                [
                    "createIndexes": "messageReactions",
                    "indexes": [["key": ["messageId": 1, "userId": 1], "name": "messageId_1_userId_1", "unique": true]],
                ]
            ])
    }

    @Test func upsertSetsTheReactionAndProposesIdAndCreationTime() {
        #expect(
            ReactionDocuments.filter(messageId: messageId, userId: Fixtures.userId)
                == ["messageId": .objectId(messageId), "userId": .objectId(Fixtures.userId)])
        #expect(
            ReactionDocuments.upsert(reaction) == [
                "$set": ["reaction": "👍", "username": "alice", "updatedAt": .date(Fixtures.updatedAt)],
                "$setOnInsert": ["_id": .objectId(reactionId), "createdAt": .date(Fixtures.createdAt)],
            ])
    }

    @Test func upsertReplyTellsInsertFromUpdate() throws {
        let inserted: BSONDocument = [
            "lastErrorObject": ["n": 1, "updatedExisting": false, "upserted": .objectId(reactionId)],
            "value": .document(stored), "ok": 1.0,
        ]
        let created = try ReactionDocuments.upsertResult(inserted, proposedId: reactionId)
        #expect(created.reaction == reaction && created.created)

        let older = ObjectId("5f1d7f3a9b1e8a00eeeeee06") ?? ObjectId()
        var existing = stored
        existing["_id"] = .objectId(older)
        let updated: BSONDocument = ["lastErrorObject": ["n": 1, "updatedExisting": true], "value": .document(existing), "ok": 1.0]
        let replaced = try ReactionDocuments.upsertResult(updated, proposedId: reactionId)
        #expect(replaced.reaction.id == older && !replaced.created)

        // Without lastErrorObject, only an insert takes the proposed id.
        #expect(try ReactionDocuments.upsertResult(["value": .document(stored)], proposedId: reactionId).created)
        #expect(try !ReactionDocuments.upsertResult(["value": .document(existing)], proposedId: reactionId).created)
        #expect(throws: StoreError.self) { try ReactionDocuments.upsertResult(["value": nil, "ok": 1.0], proposedId: reactionId) }
    }

    @Test func listsByMessageOldestFirst() {
        #expect(ReactionDocuments.filter(messageIds: []) == nil)
        #expect(ReactionDocuments.filter(messageIds: [messageId]) == ["messageId": ["$in": [.objectId(messageId)]]])
        #expect(ReactionDocuments.listOptions == ["sort": ["createdAt": 1, "_id": 1]])
    }

    @Test func oldReactionsAreReadLenientlyAndNonStringsSkipped() throws {
        let old: BSONDocument = [
            "_id": .objectId(reactionId), "messageId": .string(messageId.hexString), "userId": .objectId(Fixtures.userId),
            "reaction": "❤️", "createdAt": .date(Fixtures.createdAt),
        ]
        let read = try ReactionDocuments.reaction(from: BSONDocument(bytes: old.bytes()))
        #expect(read?.messageId == messageId && read?.username == "" && read?.updatedAt == Fixtures.createdAt)
        var object = old
        object["reaction"] = ["emoji": "❤️"]
        #expect(try ReactionDocuments.reaction(from: object) == nil)
        var number = old
        number["reaction"] = 1
        #expect(try ReactionDocuments.reaction(from: number) == nil)
        var noMessage = old
        noMessage["messageId"] = nil
        #expect(throws: StoreError.self) { try ReactionDocuments.reaction(from: noMessage) }
    }
}
