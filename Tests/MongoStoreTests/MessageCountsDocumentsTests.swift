import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The per-channel aggregation behind `MessageStore.counts`.
struct MessageCountsDocumentsTests {
    private let since = Date(timeIntervalSince1970: 1_700_000_000)
    private let channel = Fixtures.channelId

    private var group: BSONValue {
        [
            "$group": [
                "_id": "$channelId", "total": ["$sum": 1],
                "since": ["$sum": ["$cond": [["$gte": ["$createdAt", .date(since)]], 1, 0]]],
            ]
        ]
    }

    @Test func pipelineOverAllOrSomeChannels() {
        #expect(MessageCountsDocuments.pipeline(channelIds: nil, since: since) == [["$match": ["isDeleted": ["$ne": true]]], group])
        #expect(
            MessageCountsDocuments.pipeline(channelIds: [channel], since: since) == [
                [
                    "$match": [
                        "isDeleted": ["$ne": true], "channelId": ["$in": [.objectId(channel), .string(channel.hexString)]],
                    ]
                ],
                group,
            ])
        #expect(MessageCountsDocuments.pipeline(channelIds: [], since: since) == nil)
    }

    @Test func countsAddUpGroups() throws {
        let results: [BSONDocument] = [
            ["_id": .objectId(channel), "total": 4, "since": 1],
            ["_id": .string(channel.hexString), "total": 2, "since": 2],
            ["_id": .objectId(Fixtures.groupId), "total": 1, "since": 0],
            ["_id": nil, "total": 3, "since": 3],
        ]
        #expect(
            try MessageCountsDocuments.counts(from: results)
                == MessageCounts(total: 10, since: 6, byChannel: [channel: 6, Fixtures.groupId: 1]))
        #expect(try MessageCountsDocuments.counts(from: []) == MessageCounts(total: 0, since: 0, byChannel: [:]))
        #expect(throws: StoreError.self) { try MessageCountsDocuments.counts(from: [["_id": .objectId(channel)]]) }
    }
}
