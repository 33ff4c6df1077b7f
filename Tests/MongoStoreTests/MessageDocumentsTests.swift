import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `messages` indexes and the documents for single messages, replies, edits and tombstones.
struct MessageDocumentsTests {
    private let id = ObjectId("5f1d7f3a9b1e8a00eeeeee01") ?? ObjectId()
    private let now = Date(timeIntervalSince1970: 1_700_000_000.5)

    private func forms(_ id: ObjectId) -> [BSONValue] { [.objectId(id), .string(id.hexString)] }

    @Test func indexes() {
        #expect(
            MessageDocuments.indexes.map(\.createCommand) == [
                [
                    "createIndexes": "messages",
                    "indexes": [["key": ["channelId": 1, "createdAt": 1, "_id": 1], "name": "channelId_1_createdAt_1__id_1"]],
                ],
                [
                    "createIndexes": "messages",
                    "indexes": [
                        [
                            "key": ["channelId": 1, "isDeleted": 1, "createdAt": 1, "_id": 1],
                            "name": "channelId_1_isDeleted_1_createdAt_1__id_1",
                        ]
                    ],
                ],
                [
                    "createIndexes": "messages",
                    "indexes": [["key": ["userId": 1, "createdAt": -1, "_id": -1], "name": "userId_1_createdAt_-1__id_-1"]],
                ],
                [
                    "createIndexes": "messages",
                    "indexes": [
                        [
                            "key": ["replyTo": 1, "createdAt": 1, "_id": 1], "name": "replyTo_1_createdAt_1__id_1",
                            "partialFilterExpression": ["replyTo": ["$exists": true]],
                        ]
                    ],
                ],
                [
                    "createIndexes": "messages",
                    "indexes": [
                        [
                            "key": ["originalMessageId": 1, "createdAt": 1, "_id": 1],
                            "name": "originalMessageId_1_createdAt_1__id_1",
                            "partialFilterExpression": ["originalMessageId": ["$exists": true]],
                        ]
                    ],
                ],
                [
                    "createIndexes": "messages",
                    "indexes": [["key": ["searchGrams": 1], "name": "searchGrams_1"]],
                ],
            ])
        #expect(MessageEditDocuments.indexes.map(\.keys) == [["messageId": 1]])
    }

    @Test func theSchemaHoldsTheNewCollectionsAndIndexes() {
        for name in ["messages", "messageEdits", "readState", "messageReactions"] {
            #expect(MongoSchema.collections.contains(name))
        }
        #expect(MongoSchema.indexes.filter { $0.collection == "messages" }.count == 6)
        #expect(MongoSchema.indexes.contains { $0.collection == "messageReactions" && $0.unique })
    }

    @Test func findByIds() {
        #expect(MessageDocuments.filter(ids: []) == nil)
        #expect(MessageDocuments.filter(ids: [id]) == ["_id": ["$in": [.objectId(id)]]])
        #expect(MessageDocuments.idsOptions == ["sort": ["createdAt": 1, "_id": 1]])
    }

    @Test func replyCountersOnTheParent() {
        #expect(MessageDocuments.replyAdded(at: now) == ["$inc": ["replyCount": 1], "$max": ["lastReplyAt": .date(now)]])
        #expect(MessageDocuments.parentFilter(id: id) == ["_id": .objectId(id), "replyCount": ["$gt": 0]])
        #expect(MessageDocuments.replyRemoved == ["$inc": ["replyCount": -1]])
    }

    @Test func repliesMatchParleyRepliesAndOldReplyCopies() {
        #expect(
            MessageDocuments.repliesFilter(parentId: id) == [
                "$or": [
                    ["replyTo": .objectId(id)], ["replyTo": .string(id.hexString)], ["originalMessageId": .objectId(id)],
                    ["originalMessageId": .string(id.hexString)],
                ]
            ])
    }

    @Test func pageOptionsNeverPassALimitOfZero() {
        #expect(
            MessageDocuments.pageOptions(sort: MessageDocuments.oldestFirst, limit: 20, offset: -5)
                == ["sort": ["createdAt": 1, "_id": 1], "skip": .int64(0), "limit": .int64(20)])
        #expect(MessageDocuments.pageOptions(sort: MessageDocuments.newestFirst, limit: 0, offset: 0) == nil)
    }

    @Test func listsAcrossChannelsAreLiveAndScoped() {
        let other = Fixtures.groupId
        #expect(MessageDocuments.byUserFilter(userId: Fixtures.userId, channelIds: []) == nil)
        #expect(
            MessageDocuments.byUserFilter(userId: Fixtures.userId, channelIds: [Fixtures.channelId]) == [
                "userId": ["$in": .array(forms(Fixtures.userId))], "channelId": ["$in": .array(forms(Fixtures.channelId))],
                "isDeleted": ["$ne": true],
            ])
        #expect(MessageDocuments.recentFilter(channelIds: []) == nil)
        #expect(
            MessageDocuments.recentFilter(channelIds: [Fixtures.channelId, other, Fixtures.channelId]) == [
                "channelId": ["$in": .array(forms(Fixtures.channelId) + forms(other))], "isDeleted": ["$ne": true],
            ])
    }

    @Test func editIsGuardedOnTheTextItRead() {
        #expect(MessageDocuments.liveFilter(id: id) == ["_id": .objectId(id), "isDeleted": ["$ne": true]])
        #expect(
            MessageDocuments.editFilter(id: id, currentText: "old") == [
                "_id": .objectId(id), "isDeleted": ["$ne": true], "text": "old",
            ])
        #expect(MessageDocuments.editFilter(id: id, currentText: nil) == ["_id": .objectId(id), "isDeleted": ["$ne": true], "text": nil])
        #expect(
            MessageDocuments.edit(text: "new", mentions: [Fixtures.userId], at: now) == [
                "$set": [
                    "text": "new", "mentions": [.objectId(Fixtures.userId)], "isEdited": true, "editedAt": .date(now),
                    "updatedAt": .date(now), "searchGrams": ["new"],
                ],
                "$inc": ["editCount": 1],
            ])
    }

    @Test func tombstoneClearsTheContent() {
        #expect(
            MessageDocuments.tombstone(at: now) == [
                "$set": [
                    "isDeleted": true, "deletedAt": .date(now), "updatedAt": .date(now), "text": nil, "imageUrl": nil,
                    "fileUrl": nil, "attachment": nil, "fileName": nil, "fileSize": nil, "mentions": [],
                    "searchGrams": [],
                ]
            ])
    }
}
