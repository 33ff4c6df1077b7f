import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoGroupRequestStore` sends, built by pure functions so that tests can
/// check them without a server.
enum GroupRequestDocuments {
    static let collection = "groupRequests"

    /// At most one pending request per user and group: a unique index over pending requests
    /// only, so decided and withdrawn ones may repeat. The others serve the list's filters in
    /// its order (newest first).
    static let indexes: [MongoIndex] = [
        MongoIndex(
            collection: collection, keys: ["userId": 1, "groupId": 1], name: "userId_1_groupId_1_pending", unique: true,
            partialFilter: ["status": "pending"]),
        MongoIndex(collection: collection, keys: ["groupId": 1, "requestedAt": -1], name: "groupId_1_requestedAt_-1"),
        MongoIndex(collection: collection, keys: ["userId": 1, "requestedAt": -1], name: "userId_1_requestedAt_-1"),
        MongoIndex(collection: collection, keys: ["status": 1, "requestedAt": -1], name: "status_1_requestedAt_-1"),
        MongoIndex(collection: collection, keys: ["requestedAt": -1, "_id": -1], name: "requestedAt_-1__id_-1"),
    ]

    static func document(for request: GroupRequest) throws -> BSONDocument {
        try BSONEncoder().encode(GroupRequestDocument(request))
    }

    static func request(from document: BSONDocument) throws -> GroupRequest {
        do {
            return try BSONDecoder().decode(GroupRequestDocument.self, from: document).request
        } catch {
            throw StoreError.corrupt("groupRequests document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    /// The only unique rule besides `_id` is one pending request per user and group; the
    /// server reports the index's first key, `userId`.
    static func mapError(_ error: any Error) -> any Error {
        DuplicateFieldRenaming.rename(error, to: "pending")
    }

    static func filter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id)]
    }

    /// Nil when the query can match nothing: an empty `groupIds` scope, or a `groupId` outside it.
    /// `includingStatus` is false for the counts, which are broken down by status instead.
    static func filter(for query: GroupRequestQuery, includingStatus: Bool = true) -> BSONDocument? {
        var filter = MongoFilter()
        if let userId = query.userId { filter.set("userId", .objectId(userId)) }
        switch (query.groupIds, query.groupId) {
        case (let scope?, let groupId?):
            guard scope.contains(groupId) else { return nil }
            filter.set("groupId", .objectId(groupId))
        case (let scope?, nil):
            guard !scope.isEmpty else { return nil }
            filter.set("groupId", ["$in": .array(scope.map(BSONValue.objectId))])
        case (nil, let groupId?):
            filter.set("groupId", .objectId(groupId))
        case (nil, nil):
            break
        }
        if includingStatus, let status = query.status { filter.set("status", statusValue(status)) }
        if let requestType = query.requestType { filter.set("requestType", .string(requestType)) }
        if let clauses = MongoFilter.search(query.search, in: ["username", "groupName", "message"]) {
            filter.requireAny(clauses)
        }
        return filter.document
    }

    /// A missing status reads as pending, so "pending" also matches documents without one.
    static func statusValue(_ status: GroupRequestStatus) -> BSONValue {
        status == .pending ? ["$in": ["pending", nil]] : .string(status.rawValue)
    }

    static func listOptions(for query: GroupRequestQuery) -> BSONDocument {
        let direction: BSONValue = query.ascending ? 1 : -1
        return [
            "sort": ["requestedAt": direction, "_id": direction],
            "skip": .int64(Int64(query.page.offset)),
            "limit": .int64(Int64(query.page.limit)),
        ]
    }

    /// Matching on the status makes the check and the write one step: two admins deciding at
    /// once cannot both succeed.
    static func reviewFilter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id), "status": statusValue(.pending)]
    }

    /// A nil reason leaves the earlier one; a nil reviewer is written as null.
    static func review(_ review: GroupRequestReview) -> BSONDocument {
        var set: BSONDocument = [
            "status": .string(review.status.rawValue),
            "reviewedBy": review.reviewerId.map(BSONValue.objectId) ?? .null,
            "reviewerName": review.reviewerName.map(BSONValue.string) ?? .null,
            "reviewedAt": .date(review.at),
        ]
        if let reason = review.reason { set["reason"] = .string(reason) }
        return ["$set": .document(set)]
    }

    static func countsPipeline(for query: GroupRequestQuery) -> [BSONValue]? {
        guard let filter = filter(for: query, includingStatus: false) else { return nil }
        return [
            ["$match": .document(filter)],
            ["$group": ["_id": ["$ifNull": ["$status", "pending"]], "count": ["$sum": 1]]],
        ]
    }

    /// Every status is reported, zero included, so a dashboard need not guess at missing keys.
    static func counts(from results: [BSONDocument]) throws -> GroupRequestCounts {
        var byStatus = Dictionary(uniqueKeysWithValues: GroupRequestStatus.allCases.map { ($0, 0) })
        var total = 0
        for result in results {
            guard let name = result["_id"]?.stringValue, let status = GroupRequestStatus(rawValue: name),
                let count = result["count"]?.intValue
            else { throw StoreError.corrupt("group request counts: unexpected result \(result)") }
            byStatus[status] = count
            total += count
        }
        return GroupRequestCounts(total: total, byStatus: byStatus)
    }
}
