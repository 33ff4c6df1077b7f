import Foundation
import ParleyCore
import ParleyStore

/// The `videoCalls` collection (the old server's name): indexes, and every document
/// `MongoVideoCallStore` sends.
enum VideoCallDocuments {
    static let collection = "videoCalls"

    static let indexes: [MongoIndex] = [
        MongoIndex(collection: collection, keys: ["callerId": 1, "startTime": -1, "_id": -1], name: "callerId_1_startTime_-1__id_-1"),
        MongoIndex(collection: collection, keys: ["receiverId": 1, "startTime": -1, "_id": -1], name: "receiverId_1_startTime_-1__id_-1"),
        MongoIndex(collection: collection, keys: ["status": 1, "startTime": 1], name: "status_1_startTime_1"),
    ]

    static func document(for call: VideoCall) throws -> BSONDocument {
        try BSONEncoder().encode(VideoCallDocument(call))
    }

    static func call(from document: BSONDocument) throws -> VideoCall {
        do {
            return try BSONDecoder().decode(VideoCallDocument.self, from: document).call()
        } catch {
            throw StoreError.corrupt("videoCalls document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(id: ObjectId) -> BSONDocument { ["_id": .objectId(id)] }

    /// The stored names of a status: ringing also matches the old server's `calling`.
    static func storedNames(_ status: CallStatus) -> [BSONValue] {
        status == .ringing ? ["ringing", "calling"] : [.string(status.rawValue)]
    }

    /// The call, only while it is in `from`: the write is conditional, so of two racing
    /// transitions one wins.
    static func transitionFilter(id: ObjectId, from: CallStatus) -> BSONDocument {
        ["_id": .objectId(id), "status": ["$in": .array(storedNames(from))]]
    }

    static func transitionUpdate(_ transition: CallTransition) -> BSONDocument {
        var set: BSONDocument = ["status": .string(transition.to.rawValue), "updatedAt": .date(transition.at)]
        if let answerTime = transition.answerTime { set["answerTime"] = .date(answerTime) }
        if let endTime = transition.endTime { set["endTime"] = .date(endTime) }
        if let duration = transition.duration { set["duration"] = .double(duration) }
        return ["$set": .document(set)]
    }

    /// Either party; `$or` of two indexed clauses.
    static func participant(_ userId: ObjectId) -> BSONValue {
        [["callerId": .objectId(userId)], ["receiverId": .objectId(userId)]]
    }

    static func historyFilter(userId: ObjectId, status: CallStatus?) -> BSONDocument {
        var filter: BSONDocument = ["$or": participant(userId)]
        if let status { filter["status"] = ["$in": .array(storedNames(status))] }
        return filter
    }

    /// Newest first; nil when nothing can be returned (a zero limit means "all" to MongoDB).
    static func historyOptions(limit: Int, offset: Int) -> BSONDocument? {
        guard limit > 0 else { return nil }
        return ["sort": ["startTime": -1, "_id": -1], "skip": .int64(Int64(max(0, offset))), "limit": .int64(Int64(limit))]
    }

    static func activeFilter(userId: ObjectId) -> BSONDocument {
        ["$or": participant(userId), "status": ["$in": ["ringing", "calling", "accepted"]]]
    }

    static func ringingFilter(before: Date) -> BSONDocument {
        ["status": ["$in": ["ringing", "calling"]], "startTime": ["$lt": .date(before)]]
    }

    static func statsPipeline(userId: ObjectId) -> [BSONValue] {
        let ended: BSONValue = ["$eq": ["$status", "ended"]]
        return [
            ["$match": ["$or": participant(userId)]],
            [
                "$group": [
                    "_id": nil,
                    "total": ["$sum": 1],
                    "accepted": ["$sum": ["$cond": [["$ne": [["$ifNull": ["$answerTime", nil]], nil]], 1, 0]]],
                    "rejected": ["$sum": ["$cond": [["$eq": ["$status", "rejected"]], 1, 0]]],
                    "missed": ["$sum": ["$cond": [["$eq": ["$status", "missed"]], 1, 0]]],
                    "totalDuration": ["$sum": ["$cond": [ended, ["$ifNull": ["$duration", 0]], 0]]],
                    "ended": ["$sum": ["$cond": [["$and": [ended, ["$gt": [["$ifNull": ["$duration", 0]], 0]]]], 1, 0]]],
                ]
            ],
        ]
    }

    static func stats(from results: [BSONDocument]) -> CallStats {
        guard let result = results.first else {
            return CallStats(totalCalls: 0, acceptedCalls: 0, rejectedCalls: 0, missedCalls: 0, totalDuration: 0, endedCalls: 0)
        }
        func number(_ key: String) -> Double {
            switch result[key] {
            case .double(let value)?: return value
            case .int32(let value)?: return Double(value)
            case .int64(let value)?: return Double(value)
            default: return 0
            }
        }
        return CallStats(
            totalCalls: Int(number("total")), acceptedCalls: Int(number("accepted")), rejectedCalls: Int(number("rejected")),
            missedCalls: Int(number("missed")), totalDuration: number("totalDuration"), endedCalls: Int(number("ended")))
    }
}
