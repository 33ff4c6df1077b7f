import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The dashboard aggregation over groups.
struct GroupCountsDocumentsTests {
    private let archived: BSONValue = [
        "$or": [["$ne": [["$ifNull": ["$archivedAt", nil]], nil]], ["$eq": ["$isDeleted", true]]]
    ]

    @Test func everyGroupInOneGroupStage() {
        let pipeline = GroupCountsDocuments.pipeline(administeredBy: nil)
        #expect(pipeline.count == 1)
        #expect(
            pipeline.first == [
                "$group": [
                    "_id": nil,
                    "total": ["$sum": ["$cond": [archived, 0, 1]]],
                    "active": ["$sum": ["$cond": [["$and": [["$not": [archived]], ["$ne": ["$isActive", false]]]], 1, 0]]],
                    "privateGroups": ["$sum": ["$cond": [["$and": [["$not": [archived]], ["$eq": ["$isPrivate", true]]]], 1, 0]]],
                    "archived": ["$sum": ["$cond": [archived, 1, 0]]],
                    "memberships": ["$sum": ["$cond": [archived, 0, GroupCountsDocuments.memberCount]]],
                ]
            ])
    }

    @Test func memberCountIsDistinctAcrossMembersAndAdmins() {
        #expect(
            GroupCountsDocuments.memberCount == [
                "$size": [
                    "$filter": [
                        "input": [
                            "$setUnion": [
                                [
                                    "$map": [
                                        "input": [
                                            "$concatArrays": [
                                                ["$ifNull": ["$members.userId", []]], ["$ifNull": ["$admins", []]],
                                            ]
                                        ],
                                        "as": "id",
                                        "in": ["$convert": ["input": "$$id", "to": "objectId", "onError": nil, "onNull": nil]],
                                    ]
                                ]
                            ]
                        ],
                        "cond": ["$ne": ["$$this", nil]],
                    ]
                ]
            ])
    }

    @Test func scopedToTheGroupsAUserAdministers() {
        let adminId = Fixtures.userId
        let either: BSONValue = ["$in": [.objectId(adminId), .string(adminId.hexString)]]
        let pipeline = GroupCountsDocuments.pipeline(administeredBy: adminId)
        #expect(pipeline.count == 2)
        #expect(
            pipeline.first == [
                "$match": ["$or": [["admins": either], ["members": ["$elemMatch": ["userId": either, "role": "admin"]]]]]
            ])
    }

    @Test func resultIsRead() throws {
        let result: BSONDocument = [
            "_id": nil, "total": .int32(4), "active": .int32(3), "privateGroups": .int64(1), "archived": .int32(2),
            "memberships": .int32(9),
        ]
        #expect(
            try GroupCountsDocuments.counts(from: [result])
                == GroupCounts(total: 4, active: 3, privateGroups: 1, archived: 2, memberships: 9))
        #expect(
            try GroupCountsDocuments.counts(from: []) == GroupCounts(total: 0, active: 0, privateGroups: 0, archived: 0, memberships: 0))
        #expect(throws: StoreError.self) { try GroupCountsDocuments.counts(from: [["_id": nil, "total": "x"]]) }
    }
}
