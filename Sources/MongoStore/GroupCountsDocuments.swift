import ParleyCore
import ParleyStore

/// The aggregation behind `GroupStore.counts(administeredBy:)`: one pass over the groups in
/// scope. Its expressions mirror the query filters and `GroupDocument`'s reading: archived
/// means `archivedAt` set or the old `isDeleted: true`; a missing `isActive` is active; a
/// member is anyone in `members` or `admins`, counted once however many entries name them.
enum GroupCountsDocuments {
    static func pipeline(administeredBy adminId: ObjectId?) -> [BSONValue] {
        var stages = [BSONValue]()
        if let adminId {
            stages.append(["$match": ["$or": .array(GroupDocuments.adminClauses(adminId).map(BSONValue.document))]])
        }
        stages.append([
            "$group": [
                "_id": nil,
                "total": ["$sum": ["$cond": [archived, 0, 1]]],
                "active": ["$sum": ["$cond": [["$and": [["$not": [archived]], ["$ne": ["$isActive", false]]]], 1, 0]]],
                "privateGroups": ["$sum": ["$cond": [["$and": [["$not": [archived]], ["$eq": ["$isPrivate", true]]]], 1, 0]]],
                "archived": ["$sum": ["$cond": [archived, 1, 0]]],
                "memberships": ["$sum": ["$cond": [archived, 0, memberCount]]],
            ]
        ])
        return stages
    }

    /// A missing field is not equal to null inside an expression, so `$ifNull` turns it into one.
    static let archived: BSONValue = [
        "$or": [["$ne": [["$ifNull": ["$archivedAt", nil]], nil]], ["$eq": ["$isDeleted", true]]]
    ]

    /// Distinct member ids: `members.userId` and `admins` together, strings converted to
    /// ObjectIds so the old server's string ids are not counted twice, non-ids dropped.
    static let memberCount: BSONValue = [
        "$size": [
            "$filter": [
                "input": [
                    "$setUnion": [
                        [
                            "$map": [
                                "input": [
                                    "$concatArrays": [["$ifNull": ["$members.userId", []]], ["$ifNull": ["$admins", []]]]
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
    ]

    /// Reads the single `$group` result; no result means no group in scope.
    static func counts(from results: [BSONDocument]) throws -> GroupCounts {
        guard let result = results.first else {
            return GroupCounts(total: 0, active: 0, privateGroups: 0, archived: 0, memberships: 0)
        }
        func count(_ key: String) throws -> Int {
            guard let value = result[key]?.intValue else { throw StoreError.corrupt("group counts: no number for \(key)") }
            return value
        }
        return GroupCounts(
            total: try count("total"), active: try count("active"), privateGroups: try count("privateGroups"),
            archived: try count("archived"), memberships: try count("memberships"))
    }
}
