import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// Read marks and the unread-count aggregation that starts each channel at its mark.
struct ReadStateDocumentsTests {
    private let me = Fixtures.userId
    private let read = Fixtures.channelId
    private let unread = Fixtures.groupId
    private let readAt = Date(timeIntervalSince1970: 1_700_000_000.25)

    private func forms(_ id: ObjectId) -> [BSONValue] { [.objectId(id), .string(id.hexString)] }

    @Test func oneDocumentPerUserAndChannelKeyedByBoth() {
        let key = "\(me.hexString):\(read.hexString)"
        #expect(ReadStateDocuments.filter(userId: me, channelId: read) == ["_id": .string(key)])
        #expect(
            ReadStateDocuments.document(userId: me, channelId: read, at: readAt) == [
                "_id": .string(key), "userId": .objectId(me), "channelId": .objectId(read), "lastReadAt": .date(readAt),
            ])
        #expect(
            ReadStateDocuments.filter(userId: me, channelIds: [read, unread]) == [
                "_id": ["$in": [.string(key), .string("\(me.hexString):\(unread.hexString)")]]
            ])
    }

    @Test func readTimesSkipDocumentsWithoutAChannelOrTime() {
        let documents: [BSONDocument] = [
            ["_id": "a", "channelId": .objectId(read), "lastReadAt": .date(readAt)],
            ["_id": "b", "channelId": .objectId(unread)],
            ["_id": "c", "lastReadAt": .date(readAt)],
        ]
        #expect(ReadStateDocuments.readTimes(from: documents) == [read: readAt])
    }

    @Test func unreadPipelineStartsEachChannelAtItsMark() {
        let pipeline = ReadStateDocuments.unreadPipeline(userId: me, channelIds: [read, unread, read], readTimes: [read: readAt])
        let expected: [BSONValue] = [
            [
                "$match": [
                    "channelId": ["$in": .array(forms(read) + forms(unread))],
                    "userId": ["$nin": .array(forms(me))],
                    "isDeleted": ["$ne": true],
                    "$or": [
                        ["channelId": ["$in": .array(forms(read))], "createdAt": ["$gt": .date(readAt)]],
                        ["channelId": ["$in": .array(forms(unread))]],
                    ],
                ]
            ],
            ["$group": ["_id": "$channelId", "count": ["$sum": 1]]],
        ]
        #expect(pipeline == expected)
        #expect(ReadStateDocuments.unreadPipeline(userId: me, channelIds: [], readTimes: [:]) == nil)
        let allRead = ReadStateDocuments.unreadPipeline(userId: me, channelIds: [read], readTimes: [read: readAt])
        #expect(
            allRead?.first?.documentValue?["$match"]?.documentValue?["$or"] == [
                ["channelId": ["$in": .array(forms(read))], "createdAt": ["$gt": .date(readAt)]]
            ])
    }

    @Test func unreadCountsAddUpBothIdForms() throws {
        let results: [BSONDocument] = [
            ["_id": .objectId(read), "count": .int32(3)],
            ["_id": .string(read.hexString), "count": .int64(2)],
            ["_id": .objectId(unread), "count": .int32(1)],
        ]
        #expect(try ReadStateDocuments.unreadCounts(from: results) == [read: 5, unread: 1])
        #expect(throws: StoreError.self) { try ReadStateDocuments.unreadCounts(from: [["_id": nil, "count": 1]]) }
    }
}
