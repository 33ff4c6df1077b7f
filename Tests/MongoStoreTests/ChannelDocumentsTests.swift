import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The exact filters, options, updates and aggregations MongoChannelStore sends.
struct ChannelDocumentsTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000.5)
    private let groupId = Fixtures.groupId
    private let userId = Fixtures.otherUserId
    private func either(_ id: ObjectId) -> BSONValue { ["$in": [.objectId(id), .string(id.hexString)]] }

    @Test func findByGroupAndNameUsesTheIndexCollation() {
        #expect(ChannelDocuments.filter(groupId: groupId, name: "General") == ["groupId": either(groupId), "name": "General"])
        #expect(ChannelDocuments.nameOptions == ["collation": ["locale": "en", "strength": 2], "limit": .int64(1)])
        #expect(ChannelDocuments.filter(id: Fixtures.channelId) == ["_id": .objectId(Fixtures.channelId)])
    }

    @Test func listScope() {
        #expect(ChannelDocuments.filter(for: ChannelQuery()) == ["archivedAt": nil])
        #expect(ChannelDocuments.filter(for: ChannelQuery(includeArchived: true)) == [:])
        #expect(ChannelDocuments.filter(for: ChannelQuery(groupIds: [])) == nil, "an empty scope matches nothing")
        let second = Fixtures.userId
        #expect(
            ChannelDocuments.filter(for: ChannelQuery(groupIds: [groupId, second], includeArchived: true))
                == ["groupId": ["$in": [.objectId(groupId), .string(groupId.hexString), .objectId(second), .string(second.hexString)]]])
    }

    @Test func listWithEveryFilter() {
        let filter = ChannelDocuments.filter(
            for: ChannelQuery(groupIds: [groupId], search: "100%.x", type: "voice", isActive: false))
        let pattern: BSONValue = ["$regex": #"100%\.x"#, "$options": "i"]
        #expect(
            filter == [
                "groupId": either(groupId), "type": "voice", "isActive": false, "archivedAt": nil,
                "$or": [["name": pattern], ["description": pattern]],
            ])
    }

    @Test func textTypeAndActiveAlsoMatchDocumentsWithoutTheField() {
        #expect(
            ChannelDocuments.filter(for: ChannelQuery(type: "text", isActive: true, includeArchived: true))
                == ["type": ["$in": ["text", nil]], "isActive": ["$ne": false]])
    }

    @Test func listOptionsSortByGroupThenCreation() {
        #expect(ChannelDocuments.listOptions(for: nil) == ["sort": ["groupId": 1, "createdAt": 1, "_id": 1]])
        #expect(
            ChannelDocuments.listOptions(for: PageRequest(page: 2, limit: 25))
                == ["sort": ["groupId": 1, "createdAt": 1, "_id": 1], "skip": .int64(25), "limit": .int64(25)])
    }

    @Test func updateSetsOnlyTheGivenFieldsAndReplacesSettings() throws {
        #expect(try ChannelDocuments.update(ChannelChanges(), at: now) == ["$set": ["updatedAt": .date(now)]])
        let settings = ChannelSettings(slowMode: 3, allowedFileTypes: ["image/png"])
        let update = try ChannelDocuments.update(
            ChannelChanges(
                name: "n", description: "d", type: "video", isPrivate: true, isActive: false, maxMembers: .some(8),
                settings: settings, archivedAt: .some(now)),
            at: now)
        #expect(
            update == [
                "$set": [
                    "name": "n", "description": "d", "type": "video", "isPrivate": true, "isActive": false, "maxMembers": 8,
                    "settings": [
                        "slowMode": 3, "requireApproval": false, "allowReactions": true, "allowPolls": true,
                        "allowFileUploads": true, "allowImageUploads": true, "allowVideoUploads": true, "maxFileSize": 10_485_760,
                        "allowedFileTypes": ["image/png"],
                    ],
                    "archivedAt": .date(now), "updatedAt": .date(now),
                ]
            ])
        #expect(
            try ChannelDocuments.update(ChannelChanges(maxMembers: .some(nil), archivedAt: .some(nil)), at: now)
                == ["$set": ["maxMembers": nil, "archivedAt": nil, "updatedAt": .date(now)]])
    }

    @Test func memberUpdates() {
        #expect(
            ChannelDocuments.addMember(userId: userId, at: now)
                == ["$set": ["updatedAt": .date(now)], "$addToSet": ["members": .objectId(userId)]])
        #expect(
            ChannelDocuments.removeMember(userId: userId, at: now)
                == ["$set": ["updatedAt": .date(now)], "$pull": ["members": either(userId), "admins": either(userId)]])
    }

    @Test func joiningAGroupTouchesOnlyPublicUnarchivedChannelsMissingTheUser() {
        #expect(
            ChannelDocuments.publicChannelsFilter(groupId: groupId, missing: userId) == [
                "groupId": either(groupId), "isPrivate": ["$ne": true], "archivedAt": nil,
                "members": ["$nin": [.objectId(userId), .string(userId.hexString)]],
            ])
    }

    @Test func countsPipeline() {
        let group: BSONValue = [
            "$group": [
                "_id": ["$ifNull": ["$type", "text"]],
                "total": ["$sum": 1],
                "active": [
                    "$sum": [
                        "$cond": [
                            ["$and": [["$ne": ["$isActive", false]], ["$eq": [["$ifNull": ["$archivedAt", nil]], nil]]]], 1, 0,
                        ]
                    ]
                ],
            ]
        ]
        #expect(ChannelDocuments.countsPipeline(groupIds: nil) == [group])
        #expect(ChannelDocuments.countsPipeline(groupIds: [groupId]) == [["$match": ["groupId": either(groupId)]], group])
        #expect(ChannelDocuments.countsPipeline(groupIds: []) == nil)
    }

    @Test func countsResultsAreSummed() throws {
        let counts = try ChannelDocuments.counts(from: [
            ["_id": "text", "total": .int32(3), "active": .int32(2)], ["_id": "voice", "total": .int64(1), "active": .int32(0)],
        ])
        #expect(counts == ChannelCounts(total: 4, active: 2, byType: ["text": 3, "voice": 1]))
        #expect(try ChannelDocuments.counts(from: []) == ChannelCounts(total: 0, active: 0, byType: [:]))
        #expect(throws: StoreError.self) { try ChannelDocuments.counts(from: [["_id": 5, "total": 1, "active": 1]]) }
    }

    @Test func duplicatesAreReportedAsTheName() {
        #expect(ChannelDocuments.mapError(StoreError.duplicate(field: "groupId")) as? StoreError == .duplicate(field: "name"))
        #expect(ChannelDocuments.mapError(StoreError.duplicate(field: "_id")) as? StoreError == .duplicate(field: "_id"))
        #expect(ChannelDocuments.mapError(StoreError.unavailable("x")) as? StoreError == .unavailable("x"))
    }

    @Test func indexes() {
        #expect(
            ChannelDocuments.indexes.map(\.createCommand) == [
                [
                    "createIndexes": "channels",
                    "indexes": [
                        [
                            "key": ["groupId": 1, "name": 1], "name": "groupId_1_name_ci", "unique": true,
                            "collation": ["locale": "en", "strength": 2],
                        ]
                    ],
                ],
                [
                    "createIndexes": "channels",
                    "indexes": [["key": ["groupId": 1, "createdAt": 1, "_id": 1], "name": "groupId_1_createdAt_1__id_1"]],
                ],
            ])
        // The reply's duplicate index name maps to the first key, then to "name".
        #expect(MongoFailure.field(forIndexNamed: "groupId_1_name_ci") == "groupId")
    }
}
