import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The exact filters, updates and options MongoUserStore sends.
struct UserDocumentsTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000.5)

    @Test func findById() {
        #expect(UserDocuments.filter(id: Fixtures.userId) == ["_id": .objectId(Fixtures.userId)])
    }

    @Test func findByLoginUsesTheIndexCollation() {
        #expect(UserDocuments.filter(login: "Alice") == ["$or": [["username": "Alice"], ["email": "Alice"]]])
        #expect(UserDocuments.loginOptions == ["collation": ["locale": "en", "strength": 2], "limit": .int64(1)])
    }

    @Test func listWithoutFiltersMatchesEverything() {
        #expect(UserDocuments.filter(for: UserQuery()) == [:])
        #expect(UserDocuments.filter(for: UserQuery(search: "")) == [:])
    }

    @Test func listWithEveryFilter() {
        let filter = UserDocuments.filter(for: UserQuery(search: "bob", isActive: false, role: .groupAdmin))
        let pattern: BSONValue = ["$regex": "bob", "$options": "i"]
        #expect(
            filter == [
                "$or": [["username": pattern], ["email": pattern]],
                "isActive": false,
                "roles": "group_admin",
            ])
    }

    @Test func activeFilterCountsDocumentsWithoutTheField() {
        #expect(UserDocuments.filter(for: UserQuery(isActive: true)) == ["isActive": ["$ne": false]])
    }

    @Test func searchEscapesEveryRegexMetacharacter() {
        let filter = UserDocuments.filter(for: UserQuery(search: #"a.b*c+d?e(f)g[h]i{j}k|l^m$n\o"#))
        let escaped = #"a\.b\*c\+d\?e\(f\)g\[h\]i\{j\}k\|l\^m\$n\\o"#
        let pattern: BSONValue = ["$regex": .string(escaped), "$options": "i"]
        #expect(filter == ["$or": [["username": pattern], ["email": pattern]]])
    }

    @Test func regexEscapingEdgeCases() {
        #expect(MongoRegex.escape("(a+)+$") == #"\(a\+\)\+\$"#)
        #expect(MongoRegex.escape(#"\Q.*\E"#) == #"\\Q\.\*\\E"#)
        #expect(MongoRegex.escape("user@example.com") == #"user@example\.com"#)
        #expect(MongoRegex.escape("a\u{0}b") == #"a\x00b"#)
        #expect(MongoRegex.escape("plain-name_1 ü") == "plain-name_1 ü")
    }

    @Test func listOptionsSortNewestFirstAndPage() {
        #expect(
            UserDocuments.listOptions(for: PageRequest(page: 3, limit: 20))
                == ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(40), "limit": .int64(20)])
        #expect(
            UserDocuments.listOptions(for: PageRequest())
                == ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(0), "limit": .int64(10)])
    }

    @Test func countByRole() {
        #expect(UserDocuments.filter(role: .superAdmin) == ["roles": "super_admin"])
    }

    @Test func findByIds() {
        #expect(
            UserDocuments.filter(ids: [Fixtures.userId, Fixtures.groupId])
                == ["_id": ["$in": [.objectId(Fixtures.userId), .objectId(Fixtures.groupId)]]])
    }

    @Test func dashboardCounts() {
        let activeSince = Date(timeIntervalSince1970: 1_699_000_000)
        let createdSince = Date(timeIntervalSince1970: 1_698_000_000)
        #expect(
            UserDocuments.countFilters(activeSince: activeSince, createdSince: createdSince) == [
                [:],
                ["isActive": ["$ne": false]],
                ["isActive": ["$ne": false], "lastLogin": ["$gte": .date(activeSince)]],
                ["createdAt": ["$gte": .date(createdSince)]],
                ["roles": "super_admin"],
                ["roles": "group_admin"],
            ])
    }

    @Test func updateSetsOnlyTheGivenFieldsAndUpdatedAt() {
        #expect(UserDocuments.update(UserChanges(), at: now) == ["$set": ["updatedAt": .date(now)]])
        #expect(
            UserDocuments.update(UserChanges(email: "new@example.com", isActive: false), at: now)
                == ["$set": ["email": "new@example.com", "isActive": false, "updatedAt": .date(now)]])
    }

    @Test func updateWithEveryField() {
        let changes = UserChanges(
            username: "u", email: "e@x.io", passwordHash: "h", roles: [.user, .superAdmin], isActive: true,
            lastLogin: Fixtures.lastLogin, avatar: "a.png", bio: "b", phone: "123", address: "street")
        #expect(
            UserDocuments.update(changes, at: now) == [
                "$set": [
                    "username": "u", "email": "e@x.io", "password": "h", "roles": ["user", "super_admin"],
                    "isActive": true, "lastLogin": .date(Fixtures.lastLogin), "avatar": "a.png", "bio": "b",
                    "phone": "123", "address": "street", "updatedAt": .date(now),
                ]
            ])
    }

    @Test func clearingAnOptionalWritesNullNotUnset() {
        let changes = UserChanges(avatar: .some(nil), address: .some(nil))
        let update = UserDocuments.update(changes, at: now)
        #expect(update == ["$set": ["avatar": nil, "address": nil, "updatedAt": .date(now)]])
        #expect(update["$unset"] == nil)
    }

    @Test func indexes() {
        let caseInsensitive: BSONValue = ["locale": "en", "strength": 2]
        #expect(
            UserDocuments.indexes.map(\.createCommand) == [
                [
                    "createIndexes": "users",
                    "indexes": [["key": ["username": 1], "name": "username_ci", "unique": true, "collation": caseInsensitive]],
                ],
                [
                    "createIndexes": "users",
                    "indexes": [["key": ["email": 1], "name": "email_ci", "unique": true, "collation": caseInsensitive]],
                ],
                ["createIndexes": "users", "indexes": [["key": ["isActive": 1], "name": "isActive_1"]]],
                ["createIndexes": "users", "indexes": [["key": ["createdAt": -1], "name": "createdAt_-1"]]],
            ])
        #expect(MongoSchema.indexes.filter { $0.collection == "users" }.count == 4)
    }
}
