import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The history windows: each one range of the (channelId, createdAt, _id) index, or for live
/// messages of the (channelId, isDeleted, createdAt, _id) index.
struct MessageHistoryDocumentsTests {
    private let channel = Fixtures.channelId
    private let cursor = MessageHistoryDocuments.Cursor(
        id: ObjectId("5f1d7f3a9b1e8a00eeeeee01") ?? ObjectId(), createdAt: Fixtures.createdAt)

    private var channelMatch: BSONValue { ["$in": [.objectId(channel), .string(channel.hexString)]] }

    @Test func latestSkipsFromTheNewestEnd() {
        #expect(
            MessageHistoryDocuments.latest(channelId: channel, limit: 50, offset: 100, includingDeleted: true)
                == MessageHistoryDocuments.Query(
                    filter: ["channelId": channelMatch],
                    options: ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(100), "limit": .int64(50)], newestFirst: true))
        #expect(MessageHistoryDocuments.latest(channelId: channel, limit: 0, offset: 0, includingDeleted: false) == nil)
    }

    @Test func beforeWalksBackFromTheCursor() {
        let at = BSONValue.date(cursor.createdAt)
        #expect(
            MessageHistoryDocuments.before(channelId: channel, cursor: cursor, limit: 30, includingDeleted: true)
                == MessageHistoryDocuments.Query(
                    filter: [
                        "channelId": channelMatch, "createdAt": ["$lte": at],
                        "$or": [["createdAt": ["$lt": at]], ["createdAt": at, "_id": ["$lt": .objectId(cursor.id)]]],
                    ],
                    options: ["sort": ["createdAt": -1, "_id": -1], "limit": .int64(30)], newestFirst: true))
    }

    @Test func afterWalksForwardFromTheCursor() {
        let at = BSONValue.date(cursor.createdAt)
        #expect(
            MessageHistoryDocuments.after(channelId: channel, cursor: cursor, limit: 30, includingDeleted: true)
                == MessageHistoryDocuments.Query(
                    filter: [
                        "channelId": channelMatch, "createdAt": ["$gte": at],
                        "$or": [["createdAt": ["$gt": at]], ["createdAt": at, "_id": ["$gt": .objectId(cursor.id)]]],
                    ],
                    options: ["sort": ["createdAt": 1, "_id": 1], "limit": .int64(30)], newestFirst: false))
        #expect(MessageHistoryDocuments.after(channelId: channel, cursor: cursor, limit: 0, includingDeleted: true) == nil)
        #expect(MessageHistoryDocuments.before(channelId: channel, cursor: cursor, limit: -1, includingDeleted: false) == nil)
    }

    @Test func liveWindowsPutPointBoundsOnIsDeletedBeforeTheTimeRange() {
        let live: BSONValue = ["$in": [false, .null]]
        #expect(
            MessageHistoryDocuments.latest(channelId: channel, limit: 50, offset: 0, includingDeleted: false)?.filter
                == ["channelId": channelMatch, "isDeleted": live])
        let at = BSONValue.date(cursor.createdAt)
        #expect(
            MessageHistoryDocuments.before(channelId: channel, cursor: cursor, limit: 30, includingDeleted: false)?.filter
                == [
                    "channelId": channelMatch, "isDeleted": live, "createdAt": ["$lte": at],
                    "$or": [["createdAt": ["$lt": at]], ["createdAt": at, "_id": ["$lt": .objectId(cursor.id)]]],
                ])
        #expect(
            MessageHistoryDocuments.after(channelId: channel, cursor: cursor, limit: 30, includingDeleted: false)?.filter
                == [
                    "channelId": channelMatch, "isDeleted": live, "createdAt": ["$gte": at],
                    "$or": [["createdAt": ["$gt": at]], ["createdAt": at, "_id": ["$gt": .objectId(cursor.id)]]],
                ])
    }

    @Test func theCursorMustBeInTheChannel() throws {
        #expect(MessageHistoryDocuments.cursorFilter(id: cursor.id, channelId: channel) == ["_id": .objectId(cursor.id), "channelId": channelMatch])
        let message = Message(
            id: cursor.id, channelId: channel, groupId: Fixtures.groupId, userId: Fixtures.userId, username: "a", text: "t",
            createdAt: cursor.createdAt)
        #expect(try MessageHistoryDocuments.cursor(from: MessageDocuments.document(for: message)) == cursor)
    }
}
