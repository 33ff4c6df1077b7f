import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The exact filters, updates, aggregations and indexes MongoGroupRequestStore sends.
struct GroupRequestDocumentsTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000.5)
    private let groupId = Fixtures.groupId
    private let userId = Fixtures.otherUserId
    private let pending: BSONValue = ["$in": ["pending", nil]]

    @Test func onePendingRequestPerUserAndGroup() {
        #expect(
            GroupRequestDocuments.indexes.first?.createCommand == [
                "createIndexes": "groupRequests",
                "indexes": [
                    [
                        "key": ["userId": 1, "groupId": 1], "name": "userId_1_groupId_1_pending", "unique": true,
                        "partialFilterExpression": ["status": "pending"],
                    ]
                ],
            ])
        #expect(
            GroupRequestDocuments.indexes.map(\.keys) == [
                ["userId": 1, "groupId": 1], ["groupId": 1, "requestedAt": -1], ["userId": 1, "requestedAt": -1],
                ["status": 1, "requestedAt": -1], ["requestedAt": -1, "_id": -1],
            ])
    }

    @Test func duplicatesAreReportedAsPending() {
        #expect(GroupRequestDocuments.mapError(StoreError.duplicate(field: "userId")) as? StoreError == .duplicate(field: "pending"))
        #expect(
            GroupRequestDocuments.mapError(StoreError.duplicate(field: "userId_1_groupId_1_pending")) as? StoreError
                == .duplicate(field: "pending"))
        #expect(GroupRequestDocuments.mapError(StoreError.duplicate(field: "_id")) as? StoreError == .duplicate(field: "_id"))
    }

    @Test func listWithoutFilters() {
        #expect(GroupRequestDocuments.filter(for: GroupRequestQuery()) == [:])
        #expect(
            GroupRequestDocuments.listOptions(for: GroupRequestQuery())
                == ["sort": ["requestedAt": -1, "_id": -1], "skip": .int64(0), "limit": .int64(10)])
        #expect(
            GroupRequestDocuments.listOptions(for: GroupRequestQuery(ascending: true, page: PageRequest(page: 3, limit: 4)))
                == ["sort": ["requestedAt": 1, "_id": 1], "skip": .int64(8), "limit": .int64(4)])
    }

    @Test func listWithEveryFilter() {
        let filter = GroupRequestDocuments.filter(
            for: GroupRequestQuery(userId: userId, groupId: groupId, status: .approved, requestType: "register_interest", search: "[x]"))
        let pattern: BSONValue = ["$regex": #"\[x\]"#, "$options": "i"]
        #expect(
            filter == [
                "userId": .objectId(userId), "groupId": .objectId(groupId), "status": "approved",
                "requestType": "register_interest",
                "$or": [["username": pattern], ["groupName": pattern], ["message": pattern]],
            ])
    }

    @Test func pendingAlsoMatchesRequestsWithoutAStatus() {
        #expect(GroupRequestDocuments.filter(for: GroupRequestQuery(status: .pending)) == ["status": pending])
    }

    @Test func groupScope() {
        let other = Fixtures.userId
        #expect(
            GroupRequestDocuments.filter(for: GroupRequestQuery(groupIds: [groupId, other]))
                == ["groupId": ["$in": [.objectId(groupId), .objectId(other)]]])
        #expect(GroupRequestDocuments.filter(for: GroupRequestQuery(groupIds: [])) == nil)
        #expect(
            GroupRequestDocuments.filter(for: GroupRequestQuery(groupIds: [other, groupId], groupId: groupId))
                == ["groupId": .objectId(groupId)])
        #expect(GroupRequestDocuments.filter(for: GroupRequestQuery(groupIds: [other], groupId: groupId)) == nil)
    }

    @Test func reviewIsConditionalOnPending() {
        #expect(GroupRequestDocuments.reviewFilter(id: Fixtures.requestId) == ["_id": .objectId(Fixtures.requestId), "status": pending])
        let withReason = GroupRequestReview(status: .rejected, reviewerId: Fixtures.userId, reviewerName: "alice", reason: "full", at: now)
        #expect(
            GroupRequestDocuments.review(withReason) == [
                "$set": [
                    "status": "rejected", "reviewedBy": .objectId(Fixtures.userId), "reviewerName": "alice",
                    "reviewedAt": .date(now), "reason": "full",
                ]
            ])
        let keepReason = GroupRequestReview(status: .approved, reviewerId: nil, reviewerName: nil, reason: nil, at: now)
        #expect(
            GroupRequestDocuments.review(keepReason)
                == ["$set": ["status": "approved", "reviewedBy": nil, "reviewerName": nil, "reviewedAt": .date(now)]])
    }

    @Test func countsGroupByStatusIgnoringTheStatusFilter() {
        #expect(
            GroupRequestDocuments.countsPipeline(for: GroupRequestQuery(userId: userId, status: .approved)) == [
                ["$match": ["userId": .objectId(userId)]],
                ["$group": ["_id": ["$ifNull": ["$status", "pending"]], "count": ["$sum": 1]]],
            ])
        #expect(GroupRequestDocuments.countsPipeline(for: GroupRequestQuery(groupIds: [])) == nil)
    }

    @Test func countsReportEveryStatus() throws {
        let counts = try GroupRequestDocuments.counts(from: [
            ["_id": "pending", "count": .int32(3)], ["_id": "rejected", "count": .int64(1)],
        ])
        #expect(counts.total == 4)
        #expect(counts.byStatus == [.pending: 3, .approved: 0, .rejected: 1, .withdrawn: 0])
        #expect(try GroupRequestDocuments.counts(from: []).byStatus.values.allSatisfy { $0 == 0 })
        #expect(throws: StoreError.self) { try GroupRequestDocuments.counts(from: [["_id": "maybe", "count": 1]]) }
    }
}
