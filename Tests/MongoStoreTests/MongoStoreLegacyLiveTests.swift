import Foundation
import Logging
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// Parley against documents and indexes the old Node server left, on a real server; run only
/// when MONGODB_URL is set. The protocol behaviour itself is covered by the conformance suite.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MONGODB_URL"] != nil, "set MONGODB_URL to run"))
struct MongoStoreLegacyLiveTests {
    private let logger = Logger(label: "MongoStoreLegacyLiveTests")

    @Test func oldGlobalChannelNameIndexIsDroppedAtStartUp() async throws {
        let url = MongoStoreLiveTests.uniqueDatabaseURL()
        let first = try await MongoStore.connect(url: url, logger: logger)
        do {
            _ = try await first.removeAll()
            let oldIndex: BSONDocument = [
                "createIndexes": "channels", "indexes": [["key": ["name": 1], "name": "name_1", "unique": true]],
            ]
            _ = try await first.connection.run { client in try client.writeCommand(oldIndex) }
        } catch {
            try await first.close()
            throw error
        }
        try await first.close()

        let store = try await MongoStore.connect(url: url, logger: logger)
        do {
            let creator = ObjectId()
            for group in [ObjectId(), ObjectId()] {
                try await store.channels.insert(Channel(groupId: group, name: "general", createdBy: creator))
            }
            #expect(try await store.channels.list(ChannelQuery()).total == 2)
            _ = try await store.removeAll()
        } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }

    @Test func oldGroupDocumentsReadAndUpdateLeniently() async throws {
        let store = try await MongoStore.connect(url: MongoStoreLiveTests.uniqueDatabaseURL(), logger: logger)
        do {
            _ = try await store.removeAll()
            let groups = MongoCollection(connection: store.connection, name: GroupDocuments.collection)
            // Both join at `created`, so the members are ordered by id: sorting fixes which
            // comes first (ids are random past their timestamp, so creation order does not).
            let ids = [ObjectId(), ObjectId()].sorted()
            let creator = ids[0]
            let member = ids[1]
            let groupId = ObjectId()
            let created = Date(timeIntervalSince1970: 1_700_000_000)
            try await groups.insertOne([
                "_id": .objectId(groupId), "name": "Old", "createdBy": .string(creator.hexString),
                "admins": [.string(creator.hexString)],
                "members": [
                    ["userId": .objectId(member), "username": "m", "role": "member", "joinedAt": .date(created)],
                    ["userId": .objectId(member), "username": "m", "role": "member", "joinedAt": .date(created.addingTimeInterval(9))],
                ],
                "createdAt": .date(created), "updatedAt": .date(created),
            ])
            let group = try #require(try await store.groups.find(id: groupId))
            #expect(group.members.map(\.userId) == [creator, member])
            #expect(group.admins == [creator])
            #expect(try await store.groups.list(GroupQuery(adminId: creator)).total == 1)
            #expect(try await store.groups.list(GroupQuery(memberId: member)).total == 1)

            let now = created.addingTimeInterval(60)
            let promoted = try #require(
                try await store.groups.upsertMember(
                    groupId: groupId, GroupMember(userId: member, username: "m2", role: .admin, joinedAt: now), at: now))
            #expect(promoted.member(member) == GroupMember(userId: member, username: "m2", role: .admin, joinedAt: created))
            let raw = try #require(try await groups.findOne(["_id": .objectId(groupId)]))
            #expect(raw["members"]?.arrayValue?.allSatisfy { $0.documentValue?["role"] == "admin" } == true)

            let counts = try await store.groups.counts(administeredBy: creator)
            #expect(counts == GroupCounts(total: 1, active: 1, privateGroups: 0, archived: 0, memberships: 2))

            _ = try await store.groups.removeMember(groupId: groupId, userId: creator, at: now)
            let after = try #require(try await store.groups.find(id: groupId))
            #expect(after.members.map(\.userId) == [member], "the string admin id is pulled too")
            _ = try await store.removeAll()
        } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }
}
