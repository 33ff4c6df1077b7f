import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The exact filters, options and updates MongoGroupStore sends for groups' own fields.
struct GroupDocumentsTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000.5)
    private let userId = Fixtures.userId
    private var either: BSONValue { ["$in": [.objectId(userId), .string(userId.hexString)]] }
    private let notArchived: BSONDocument = ["archivedAt": nil, "isDeleted": ["$ne": true]]

    @Test func defaultListHidesArchivedAndOldSoftDeletedGroups() {
        #expect(GroupDocuments.filter(for: GroupQuery()) == notArchived)
        #expect(GroupDocuments.filter(for: GroupQuery(search: "", includeArchived: true)) == [:])
    }

    @Test func searchIsLiteralAndCaseInsensitiveOnNameOrDescription() {
        let filter = GroupDocuments.filter(for: GroupQuery(search: "a.b(c)*", includeArchived: true))
        let pattern: BSONValue = ["$regex": #"a\.b\(c\)\*"#, "$options": "i"]
        #expect(filter == ["$or": [["name": pattern], ["description": pattern]]])
    }

    @Test func defaultStatusAndCategoryAlsoMatchDocumentsWithoutThem() {
        #expect(
            GroupDocuments.filter(for: GroupQuery(status: "active", category: "general", includeArchived: true))
                == ["status": ["$in": ["active", nil]], "category": ["$in": ["general", nil]]])
        #expect(
            GroupDocuments.filter(for: GroupQuery(status: "pending", category: "tech", includeArchived: true))
                == ["status": "pending", "category": "tech"])
    }

    @Test func privacyFilterTreatsAMissingFlagAsPublic() {
        #expect(GroupDocuments.filter(for: GroupQuery(isPrivate: true, includeArchived: true)) == ["isPrivate": true])
        #expect(GroupDocuments.filter(for: GroupQuery(isPrivate: false, includeArchived: true)) == ["isPrivate": ["$ne": true]])
    }

    @Test func memberMatchesMembersOrAdminsInEitherIdForm() {
        #expect(
            GroupDocuments.filter(for: GroupQuery(includeArchived: true, memberId: userId))
                == ["$or": [["members.userId": either], ["admins": either]]])
    }

    @Test func adminMatchesAdminsOrAnAdminRole() {
        #expect(
            GroupDocuments.filter(for: GroupQuery(includeArchived: true, adminId: userId))
                == ["$or": [["admins": either], ["members": ["$elemMatch": ["userId": either, "role": "admin"]]]]])
    }

    @Test func visibleMeansPublicOrMember() {
        #expect(
            GroupDocuments.filter(for: GroupQuery(includeArchived: true, visibleTo: userId))
                == ["$or": [["isPrivate": ["$ne": true]], ["members.userId": either], ["admins": either]]])
    }

    @Test func severalAlternativesAreCombinedWithAnd() {
        let filter = GroupDocuments.filter(
            for: GroupQuery(search: "x", status: "inactive", memberId: userId, visibleTo: userId))
        let pattern: BSONValue = ["$regex": "x", "$options": "i"]
        #expect(
            filter == [
                "status": "inactive",
                "archivedAt": nil,
                "isDeleted": ["$ne": true],
                "$and": [
                    ["$or": [["name": pattern], ["description": pattern]]],
                    ["$or": [["members.userId": either], ["admins": either]]],
                    ["$or": [["isPrivate": ["$ne": true]], ["members.userId": either], ["admins": either]]],
                ],
            ])
    }

    @Test func listOptionsSortWithIdTieBreakerAndPage() {
        #expect(
            GroupDocuments.listOptions(for: GroupQuery(page: PageRequest(page: 2, limit: 5)))
                == ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(5), "limit": .int64(5)])
        #expect(
            GroupDocuments.listOptions(for: GroupQuery(sort: .updatedAt, ascending: true))
                == ["sort": ["updatedAt": 1, "_id": 1], "skip": .int64(0), "limit": .int64(10)])
        #expect(GroupDocuments.countOptions(for: GroupQuery()) == [:])
    }

    @Test func nameSortIgnoresCaseInListAndCount() {
        let query = GroupQuery(sort: .name, ascending: true)
        #expect(
            GroupDocuments.listOptions(for: query) == [
                "sort": ["name": 1, "_id": 1], "skip": .int64(0), "limit": .int64(10),
                "collation": ["locale": "en", "strength": 2],
            ])
        #expect(GroupDocuments.countOptions(for: query) == ["collation": ["locale": "en", "strength": 2]])
    }

    @Test func findByIds() {
        #expect(GroupDocuments.filter(id: userId) == ["_id": .objectId(userId)])
        #expect(
            GroupDocuments.filter(ids: [userId, Fixtures.groupId])
                == ["_id": ["$in": [.objectId(userId), .objectId(Fixtures.groupId)]]])
    }

    @Test func updateSetsOnlyTheGivenFields() {
        #expect(GroupDocuments.update(GroupChanges(), at: now) == ["$set": ["updatedAt": .date(now)]])
        let changes = GroupChanges(
            name: "n", description: "d", category: "c", status: "inactive", isPrivate: true, isActive: false,
            maxMembers: .some(20), avatar: .some("a.png"), tags: .some(["t"]), rules: .some(["r1", "r2"]))
        #expect(
            GroupDocuments.update(changes, at: now) == [
                "$set": [
                    "name": "n", "description": "d", "category": "c", "status": "inactive", "isPrivate": true,
                    "isActive": false, "maxMembers": 20, "avatar": "a.png", "tags": ["t"], "rules": ["r1", "r2"],
                    "updatedAt": .date(now),
                ]
            ])
    }

    @Test func clearingOptionalsWritesNull() {
        let changes = GroupChanges(maxMembers: .some(nil), avatar: .some(nil), tags: .some(nil), rules: .some(nil))
        #expect(
            GroupDocuments.update(changes, at: now)
                == ["$set": ["maxMembers": nil, "avatar": nil, "tags": nil, "rules": nil, "updatedAt": .date(now)]])
    }

    @Test func archivingAndRestoringKeepTheOldSoftDeleteInStep() {
        #expect(
            GroupDocuments.update(GroupChanges(archivedAt: .some(now)), at: now)
                == ["$set": ["archivedAt": .date(now), "isDeleted": true, "deletedAt": .date(now), "updatedAt": .date(now)]])
        #expect(
            GroupDocuments.update(GroupChanges(archivedAt: .some(nil)), at: now)
                == ["$set": ["archivedAt": nil, "isDeleted": false, "deletedAt": nil, "updatedAt": .date(now)]])
    }

    @Test func indexes() {
        let caseInsensitive: BSONValue = ["locale": "en", "strength": 2]
        let commands = GroupDocuments.indexes.map(\.createCommand)
        #expect(
            commands.first == [
                "createIndexes": "groups",
                "indexes": [["key": ["name": 1], "name": "name_ci", "unique": true, "collation": caseInsensitive]],
            ])
        #expect(
            GroupDocuments.indexes.map(\.keys) == [
                ["name": 1], ["members.userId": 1], ["admins": 1], ["createdAt": -1, "_id": -1], ["updatedAt": -1, "_id": -1],
                ["isActive": 1], ["status": 1], ["category": 1],
            ])
        #expect(GroupDocuments.indexes.dropFirst().allSatisfy { !$0.unique && $0.collation == nil })
    }
}
