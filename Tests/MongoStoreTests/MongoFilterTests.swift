import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The shared filter pieces: alternatives, literal search, old id forms, duplicate renaming.
struct MongoFilterTests {
    @Test func fieldsAndAlternatives() {
        #expect(MongoFilter().document == [:])
        var one = MongoFilter()
        one.set("a", 1)
        one.requireAny([["b": 2], ["c": 3]])
        #expect(one.document == ["a": 1, "$or": [["b": 2], ["c": 3]]])
        var two = one
        two.requireAny([["d": 4]])
        #expect(two.document == ["a": 1, "$and": [["$or": [["b": 2], ["c": 3]]], ["$or": [["d": 4]]]]])
    }

    @Test func searchIsEscapedAndSkippedWhenEmpty() {
        #expect(MongoFilter.search(nil, in: ["name"]) == nil)
        #expect(MongoFilter.search("", in: ["name"]) == nil)
        let pattern: BSONValue = ["$regex": #"\(a\+\)\+\$"#, "$options": "i"]
        #expect(MongoFilter.search("(a+)+$", in: ["name", "description"]) == [["name": pattern], ["description": pattern]])
    }

    @Test func legacyIdForms() {
        let id = Fixtures.userId
        let other = Fixtures.groupId
        #expect(LegacyIdMatch.any(id) == ["$in": [.objectId(id), .string(id.hexString)]])
        #expect(LegacyIdMatch.none(id) == ["$nin": [.objectId(id), .string(id.hexString)]])
        #expect(
            LegacyIdMatch.any(of: [id, other])
                == ["$in": [.objectId(id), .string(id.hexString), .objectId(other), .string(other.hexString)]])
    }

    @Test func duplicateRenaming() {
        #expect(DuplicateFieldRenaming.rename(StoreError.duplicate(field: "x"), to: "y") as? StoreError == .duplicate(field: "y"))
        #expect(DuplicateFieldRenaming.rename(StoreError.corrupt("c"), to: "y") as? StoreError == .corrupt("c"))
    }

    @Test func partialIndexCommand() {
        let index = MongoIndex(
            collection: "c", keys: ["a": 1], name: "a_partial", unique: true, partialFilter: ["status": "pending"])
        #expect(
            index.createCommand == [
                "createIndexes": "c",
                "indexes": [["key": ["a": 1], "name": "a_partial", "unique": true, "partialFilterExpression": ["status": "pending"]]],
            ])
    }

    @Test func schemaListsEveryCollectionAndUniqueIndexNames() {
        #expect(
            MongoSchema.collections == [
                "users", "authSessions", "groups", "channels", "groupRequests", "notifications", "activityLog", "userSettings",
                "messages", "messageEdits", "readState", "messageReactions", "uploads", "videoCalls",
            ])
        let names = MongoSchema.indexes.map { "\($0.collection).\($0.name)" }
        #expect(Set(names).count == names.count, "index names are unique per collection")
        #expect(MongoSchema.indexes.allSatisfy { MongoSchema.collections.contains($0.collection) })
        #expect(
            MongoSchema.indexes.filter(\.unique).map(\.name) == [
                "username_ci", "email_ci", "name_ci", "groupId_1_name_ci", "userId_1_groupId_1_pending", "messageId_1_userId_1",
                "storedName_1",
            ])
    }
}
