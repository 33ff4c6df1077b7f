import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoActivityStore` sends, built by pure functions.
enum ActivityDocuments {
    static let collection = "activityLog"

    /// One index per way the log is read, each ending in the list's order (newest first).
    static let indexes: [MongoIndex] = [
        MongoIndex(collection: collection, keys: ["createdAt": -1, "_id": -1], name: "createdAt_-1__id_-1"),
        MongoIndex(
            collection: collection, keys: ["actorId": 1, "createdAt": -1, "_id": -1], name: "actorId_1_createdAt_-1__id_-1"),
        MongoIndex(
            collection: collection, keys: ["isAdministrative": 1, "createdAt": -1, "_id": -1],
            name: "isAdministrative_1_createdAt_-1__id_-1"),
        MongoIndex(collection: collection, keys: ["targetId": 1, "createdAt": -1], name: "targetId_1_createdAt_-1"),
        MongoIndex(collection: collection, keys: ["action": 1, "createdAt": -1], name: "action_1_createdAt_-1"),
    ]

    static func document(for entry: ActivityEntry) throws -> BSONDocument {
        try BSONEncoder().encode(ActivityDocument(entry))
    }

    static func entry(from document: BSONDocument) throws -> ActivityEntry {
        do {
            return try BSONDecoder().decode(ActivityDocument.self, from: document).entry
        } catch {
            throw StoreError.corrupt("activityLog document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(for query: ActivityQuery) -> BSONDocument {
        var filter = BSONDocument()
        if let actorId = query.actorId { filter["actorId"] = .objectId(actorId) }
        if query.administrativeOnly { filter["isAdministrative"] = true }
        if let action = query.action { filter["action"] = .string(action) }
        if let targetType = query.targetType { filter["targetType"] = .string(targetType) }
        if let targetId = query.targetId { filter["targetId"] = .objectId(targetId) }
        if let targetIds = query.targetIds { filter["targetId"] = ["$in": .array(targetIds.map(BSONValue.objectId))] }
        // A half-open window, so consecutive windows never count an entry twice.
        var window = BSONDocument()
        if let since = query.since { window["$gte"] = .date(since) }
        if let until = query.until { window["$lt"] = .date(until) }
        if !window.isEmpty { filter["createdAt"] = .document(window) }
        return filter
    }

    static func listOptions(for page: PageRequest) -> BSONDocument {
        ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(Int64(page.offset)), "limit": .int64(Int64(page.limit))]
    }
}
