import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoUserStore` sends to the server, built by pure functions so that tests
/// can check them without a server.
enum UserDocuments {
    static let collection = "users"

    /// Named `username_ci` / `email_ci` so they coexist with the old server's case-sensitive
    /// `username_1` / `email_1` (MongoDB allows two indexes on one key with different collations).
    static let indexes: [MongoIndex] = [
        MongoIndex(
            collection: collection, keys: ["username": 1], name: "username_ci", unique: true,
            collation: MongoCollation.caseInsensitive),
        MongoIndex(
            collection: collection, keys: ["email": 1], name: "email_ci", unique: true,
            collation: MongoCollation.caseInsensitive),
        MongoIndex(collection: collection, keys: ["isActive": 1], name: "isActive_1"),
        MongoIndex(collection: collection, keys: ["createdAt": -1], name: "createdAt_-1"),
    ]

    /// `groups` is written empty: membership is owned by the group store, which keeps
    /// `users.groups` in step with `groups.members` (as SQLite derives it from memberships).
    static func document(for user: User) throws -> BSONDocument {
        var document = UserDocument(user)
        document.groups = []
        return try BSONEncoder().encode(document)
    }

    /// Stored data that does not fit the model is reported as corrupt, naming the document.
    static func user(from document: BSONDocument) throws -> User {
        do {
            return try BSONDecoder().decode(UserDocument.self, from: document).user
        } catch {
            throw StoreError.corrupt("users document \(describeId(document)): \(error)")
        }
    }

    static func filter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id)]
    }

    /// Username or email equal to `login`. Case is ignored by the collation in `loginOptions`,
    /// not by the filter, so that the server can answer from the `_ci` unique indexes.
    static func filter(login: String) -> BSONDocument {
        ["$or": [["username": .string(login)], ["email": .string(login)]]]
    }

    static let loginOptions: BSONDocument = ["collation": .document(MongoCollation.caseInsensitive), "limit": .int64(1)]

    static func filter(for query: UserQuery) -> BSONDocument {
        var filter = BSONDocument()
        if let search = query.search, !search.isEmpty {
            // A substring match cannot use a collation, so it is a case-insensitive regex built
            // from the escaped text: the search is literal, and input such as "(a+)+$" can
            // neither change what matches nor make the server backtrack for seconds.
            let pattern = BSONValue.document(["$regex": .string(MongoRegex.escape(search)), "$options": "i"])
            if query.searchesEmail {
                filter["$or"] = [["username": pattern], ["email": pattern]]
            } else {
                filter["username"] = pattern
            }
        }
        if let isActive = query.isActive {
            // Old documents may lack isActive, which means active; `$ne: false` counts them.
            filter["isActive"] = isActive ? ["$ne": false] : false
        }
        if let role = query.role {
            filter["roles"] = .string(role.rawValue)  // matches arrays that contain the role
        }
        return filter
    }

    /// libmongoc documents `skip` and `limit` as int64 options.
    static func listOptions(for page: PageRequest) -> BSONDocument {
        ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(Int64(page.offset)), "limit": .int64(Int64(page.limit))]
    }

    static func filter(role: Role) -> BSONDocument {
        ["roles": .string(role.rawValue)]
    }

    static func filter(ids: [ObjectId]) -> BSONDocument {
        ["_id": ["$in": .array(ids.map(BSONValue.objectId))]]
    }

    /// The six counts behind `UserCounts`, in its field order. "Active" uses the same
    /// `$ne: false` as the list filter, so documents without `isActive` count as active.
    static func countFilters(activeSince: Date, createdSince: Date) -> [BSONDocument] {
        [
            [:],
            ["isActive": ["$ne": false]],
            ["isActive": ["$ne": false], "lastLogin": ["$gte": .date(activeSince)]],
            ["createdAt": ["$gte": .date(createdSince)]],
            filter(role: .superAdmin),
            filter(role: .groupAdmin),
        ]
    }

    /// `$set` of only the given fields plus `updatedAt`. Clearing an optional writes null rather
    /// than `$unset`, keeping the old server's document shape.
    static func update(_ changes: UserChanges, at date: Date) -> BSONDocument {
        var set = BSONDocument()
        if let username = changes.username { set["username"] = .string(username) }
        if let email = changes.email { set["email"] = .string(email) }
        if let passwordHash = changes.passwordHash { set["password"] = .string(passwordHash) }
        if let roles = changes.roles { set["roles"] = .array(roles.map { .string($0.rawValue) }) }
        if let isActive = changes.isActive { set["isActive"] = .bool(isActive) }
        if let lastLogin = changes.lastLogin { set["lastLogin"] = .date(lastLogin) }
        if let avatar = changes.avatar { set["avatar"] = nullable(avatar) }
        if let bio = changes.bio { set["bio"] = nullable(bio) }
        if let phone = changes.phone { set["phone"] = nullable(phone) }
        if let address = changes.address { set["address"] = nullable(address) }
        set["updatedAt"] = .date(date)
        return ["$set": .document(set)]
    }

    private static func nullable(_ value: String?) -> BSONValue {
        value.map(BSONValue.string) ?? .null
    }

    static func describeId(_ document: BSONDocument) -> String {
        if case .objectId(let id)? = document["_id"] { return id.hexString }
        return "without an ObjectId _id"
    }
}
