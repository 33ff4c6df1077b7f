import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoGroupStore` sends for the group's own fields and for listing, built by
/// pure functions so that tests can check them without a server. Membership writes are in
/// `GroupMembershipDocuments`, the dashboard figures in `GroupCountsDocuments`.
enum GroupDocuments {
    static let collection = "groups"

    /// `name_ci` coexists with the old server's case-sensitive `name_1`, as for users.
    /// `members.userId_1` and `isActive_1` have the old server's names and keys, so creating
    /// them again is a no-op on a shared database.
    static let indexes: [MongoIndex] = [
        MongoIndex(
            collection: collection, keys: ["name": 1], name: "name_ci", unique: true, collation: MongoCollation.caseInsensitive),
        MongoIndex(collection: collection, keys: ["members.userId": 1], name: "members.userId_1"),
        MongoIndex(collection: collection, keys: ["admins": 1], name: "admins_1"),
        MongoIndex(collection: collection, keys: ["createdAt": -1, "_id": -1], name: "createdAt_-1__id_-1"),
        MongoIndex(collection: collection, keys: ["updatedAt": -1, "_id": -1], name: "updatedAt_-1__id_-1"),
        MongoIndex(collection: collection, keys: ["isActive": 1], name: "isActive_1"),
        MongoIndex(collection: collection, keys: ["status": 1], name: "status_1"),
        MongoIndex(collection: collection, keys: ["category": 1], name: "category_1"),
    ]

    static func document(for group: Group) throws -> BSONDocument {
        try BSONEncoder().encode(GroupDocument(group))
    }

    /// Stored data that does not fit the model is reported as corrupt, naming the document.
    static func group(from document: BSONDocument) throws -> Group {
        do {
            return try BSONDecoder().decode(GroupDocument.self, from: document).group
        } catch {
            throw StoreError.corrupt("groups document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id)]
    }

    static func filter(ids: [ObjectId]) -> BSONDocument {
        ["_id": ["$in": .array(ids.map(BSONValue.objectId))]]
    }

    static func filter(for query: GroupQuery) -> BSONDocument {
        var filter = MongoFilter()
        if let clauses = MongoFilter.search(query.search, in: ["name", "description"]) { filter.requireAny(clauses) }
        // A missing status reads as "active" and a missing category as "general", so those
        // values also match documents without the field (as the old server's list did).
        if let status = query.status { filter.set("status", valueOrMissing(status, defaultValue: "active")) }
        if let category = query.category { filter.set("category", valueOrMissing(category, defaultValue: "general")) }
        if let isPrivate = query.isPrivate { filter.set("isPrivate", isPrivate ? true : ["$ne": true]) }
        if !query.includeArchived {
            for (key, value) in notArchived.elements { filter.set(key, value) }
        }
        if let memberId = query.memberId { filter.requireAny(memberClauses(memberId)) }
        if let adminId = query.adminId { filter.requireAny(adminClauses(adminId)) }
        if let viewer = query.visibleTo { filter.requireAny([["isPrivate": ["$ne": true]]] + memberClauses(viewer)) }
        return filter.document
    }

    /// Neither archived by Parley nor soft-deleted by the old server.
    static let notArchived: BSONDocument = ["archivedAt": nil, "isDeleted": ["$ne": true]]

    /// A member as `GroupDocument` reads one: listed in `members`, or only in `admins`; the id in
    /// either form the old server stored.
    static func memberClauses(_ userId: ObjectId) -> [BSONDocument] {
        [["members.userId": LegacyIdMatch.any(userId)], ["admins": LegacyIdMatch.any(userId)]]
    }

    /// An admin as `GroupDocument` reads one: in `admins`, or a member whose role is admin.
    static func adminClauses(_ userId: ObjectId) -> [BSONDocument] {
        [
            ["admins": LegacyIdMatch.any(userId)],
            ["members": ["$elemMatch": ["userId": LegacyIdMatch.any(userId), "role": "admin"]]],
        ]
    }

    /// Sorted by the chosen field, `_id` breaking ties in the same direction. Names sort without
    /// regard to case, with the collation of the `name_ci` index.
    static func listOptions(for query: GroupQuery) -> BSONDocument {
        let direction: BSONValue = query.ascending ? 1 : -1
        var options: BSONDocument = [
            "sort": [query.sort.rawValue: direction, "_id": direction],
            "skip": .int64(Int64(query.page.offset)),
            "limit": .int64(Int64(query.page.limit)),
        ]
        if query.sort == .name { options["collation"] = .document(MongoCollation.caseInsensitive) }
        return options
    }

    /// The count must run with the list's collation, or the two could disagree on matches.
    static func countOptions(for query: GroupQuery) -> BSONDocument {
        query.sort == .name ? ["collation": .document(MongoCollation.caseInsensitive)] : [:]
    }

    /// `$set` of only the given fields plus `updatedAt`. Archiving also writes the old server's
    /// soft-delete fields, so both servers agree on which groups are gone.
    static func update(_ changes: GroupChanges, at date: Date) -> BSONDocument {
        var set = BSONDocument()
        if let name = changes.name { set["name"] = .string(name) }
        if let description = changes.description { set["description"] = .string(description) }
        if let category = changes.category { set["category"] = .string(category) }
        if let status = changes.status { set["status"] = .string(status) }
        if let isPrivate = changes.isPrivate { set["isPrivate"] = .bool(isPrivate) }
        if let isActive = changes.isActive { set["isActive"] = .bool(isActive) }
        if let maxMembers = changes.maxMembers { set["maxMembers"] = maxMembers.map(BSONValue.int) ?? .null }
        if let avatar = changes.avatar { set["avatar"] = avatar.map(BSONValue.string) ?? .null }
        if let tags = changes.tags { set["tags"] = strings(tags) }
        if let rules = changes.rules { set["rules"] = strings(rules) }
        if let archivedAt = changes.archivedAt {
            let value = archivedAt.map(BSONValue.date) ?? .null
            set["archivedAt"] = value
            set["isDeleted"] = .bool(archivedAt != nil)
            set["deletedAt"] = value
        }
        set["updatedAt"] = .date(date)
        return ["$set": .document(set)]
    }

    private static func valueOrMissing(_ value: String, defaultValue: String) -> BSONValue {
        value == defaultValue ? ["$in": [.string(value), nil]] : .string(value)
    }

    private static func strings(_ values: [String]?) -> BSONValue {
        values.map { .array($0.map(BSONValue.string)) } ?? .null
    }
}
