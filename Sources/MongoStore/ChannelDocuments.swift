import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoChannelStore` sends, built by pure functions so that tests can check
/// them without a server.
enum ChannelDocuments {
    static let collection = "channels"

    /// Names are unique within a group without regard to case. The second index serves lists
    /// (by group, in creation order) and every by-group write; it makes the old server's
    /// `groupId_1` redundant, which is left alone on a shared database.
    static let indexes: [MongoIndex] = [
        MongoIndex(
            collection: collection, keys: ["groupId": 1, "name": 1], name: "groupId_1_name_ci", unique: true,
            collation: MongoCollation.caseInsensitive),
        MongoIndex(collection: collection, keys: ["groupId": 1, "createdAt": 1, "_id": 1], name: "groupId_1_createdAt_1__id_1"),
    ]

    /// The old server's `{name: 1}` unique index made channel names unique across all groups.
    static let legacyIndexes: [MongoLegacyIndex] = [
        MongoLegacyIndex(collection: collection, name: "name_1", onlyIfUnique: true)
    ]

    static func document(for channel: Channel) throws -> BSONDocument {
        try BSONEncoder().encode(ChannelDocument(channel))
    }

    static func channel(from document: BSONDocument) throws -> Channel {
        do {
            return try BSONDecoder().decode(ChannelDocument.self, from: document).channel
        } catch {
            throw StoreError.corrupt("channels document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    /// The only unique rule besides `_id` is the name within a group; the server reports the
    /// index's first key, `groupId`.
    static func mapError(_ error: any Error) -> any Error {
        DuplicateFieldRenaming.rename(error, to: "name")
    }

    static func filter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id)]
    }

    /// Case is ignored by the collation in `nameOptions`, so the unique index answers.
    static func filter(groupId: ObjectId, name: String) -> BSONDocument {
        ["groupId": LegacyIdMatch.any(groupId), "name": .string(name)]
    }

    static let nameOptions: BSONDocument = ["collation": .document(MongoCollation.caseInsensitive), "limit": .int64(1)]

    /// Nil when the query can match nothing (an empty `groupIds` scope), so no query is sent.
    static func filter(for query: ChannelQuery) -> BSONDocument? {
        var filter = MongoFilter()
        if let groupIds = query.groupIds {
            guard !groupIds.isEmpty else { return nil }
            filter.set("groupId", LegacyIdMatch.any(of: groupIds))
        }
        if let clauses = MongoFilter.search(query.search, in: ["name", "description"]) { filter.requireAny(clauses) }
        // A missing type reads as "text", so "text" also matches documents without one.
        if let type = query.type { filter.set("type", type == "text" ? ["$in": ["text", nil]] : .string(type)) }
        if let isActive = query.isActive { filter.set("isActive", isActive ? ["$ne": false] : false) }
        if !query.includeArchived { filter.set("archivedAt", nil) }
        return filter.document
    }

    /// By group, then creation time, `_id` breaking ties; every match when `page` is nil.
    static func listOptions(for page: PageRequest?) -> BSONDocument {
        var options: BSONDocument = ["sort": ["groupId": 1, "createdAt": 1, "_id": 1]]
        if let page {
            options["skip"] = .int64(Int64(page.offset))
            options["limit"] = .int64(Int64(page.limit))
        }
        return options
    }

    /// `$set` of only the given fields plus `updatedAt`. Settings are replaced whole; merging
    /// is the service's business.
    static func update(_ changes: ChannelChanges, at date: Date) throws -> BSONDocument {
        var set = BSONDocument()
        if let name = changes.name { set["name"] = .string(name) }
        if let description = changes.description { set["description"] = .string(description) }
        if let type = changes.type { set["type"] = .string(type) }
        if let isPrivate = changes.isPrivate { set["isPrivate"] = .bool(isPrivate) }
        if let isActive = changes.isActive { set["isActive"] = .bool(isActive) }
        if let maxMembers = changes.maxMembers { set["maxMembers"] = maxMembers.map(BSONValue.int) ?? .null }
        if let settings = changes.settings { set["settings"] = try BSONEncoder().encodeValue(settings) }
        if let archivedAt = changes.archivedAt { set["archivedAt"] = archivedAt.map(BSONValue.date) ?? .null }
        set["updatedAt"] = .date(date)
        return ["$set": .document(set)]
    }

    /// `$addToSet`: adding twice changes nothing but `updatedAt`, and an admin stays one.
    static func addMember(userId: ObjectId, at date: Date) -> BSONDocument {
        ["$set": ["updatedAt": .date(date)], "$addToSet": ["members": .objectId(userId)]]
    }

    /// Removes the user as member and as admin, in either id form.
    static func removeMember(userId: ObjectId, at date: Date) -> BSONDocument {
        [
            "$set": ["updatedAt": .date(date)],
            "$pull": ["members": LegacyIdMatch.any(userId), "admins": LegacyIdMatch.any(userId)],
        ]
    }

    /// The group's public, unarchived channels that do not list the user yet, so only the
    /// channels that gain the member get a new `updatedAt`.
    static func publicChannelsFilter(groupId: ObjectId, missing userId: ObjectId) -> BSONDocument {
        [
            "groupId": LegacyIdMatch.any(groupId),
            "isPrivate": ["$ne": true],
            "archivedAt": nil,
            "members": LegacyIdMatch.none(userId),
        ]
    }

    /// Per type (a missing type counted as "text"): every channel in scope, and those active
    /// and not archived.
    static func countsPipeline(groupIds: [ObjectId]?) -> [BSONValue]? {
        var stages = [BSONValue]()
        if let groupIds {
            guard !groupIds.isEmpty else { return nil }
            stages.append(["$match": ["groupId": LegacyIdMatch.any(of: groupIds)]])
        }
        let live: BSONValue = [
            "$and": [["$ne": ["$isActive", false]], ["$eq": [["$ifNull": ["$archivedAt", nil]], nil]]]
        ]
        stages.append([
            "$group": [
                "_id": ["$ifNull": ["$type", "text"]],
                "total": ["$sum": 1],
                "active": ["$sum": ["$cond": [live, 1, 0]]],
            ]
        ])
        return stages
    }

    static func counts(from results: [BSONDocument]) throws -> ChannelCounts {
        var counts = ChannelCounts(total: 0, active: 0, byType: [:])
        for result in results {
            guard let type = result["_id"]?.stringValue, let total = result["total"]?.intValue,
                let active = result["active"]?.intValue
            else { throw StoreError.corrupt("channel counts: unexpected result \(result)") }
            counts.total += total
            counts.active += active
            counts.byType[type] = total
        }
        return counts
    }
}
