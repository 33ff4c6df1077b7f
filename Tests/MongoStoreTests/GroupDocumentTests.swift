import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `groups` document shape shared with the old Node server, and the lenient reading of
/// what that server left behind.
struct GroupDocumentTests {
    private let adminId = Fixtures.userId
    private let memberId = Fixtures.otherUserId
    private let thirdId = ObjectId("5f1d7f3a9b1e8a001234567a") ?? ObjectId()

    /// An old document with only the fields every version of the old server wrote.
    private func old(_ extra: BSONDocument) -> BSONDocument {
        var document: BSONDocument = [
            "_id": .objectId(Fixtures.groupId), "name": "Old", "createdBy": .objectId(adminId),
            "createdAt": .date(Fixtures.createdAt), "updatedAt": .date(Fixtures.updatedAt),
        ]
        for (key, value) in extra.elements { document[key] = value }
        return document
    }

    @Test func groupIsWrittenWithMembersAndAdmins() throws {
        let document = try GroupDocuments.document(for: Fixtures.group)
        #expect(
            document.keys == [
                "_id", "name", "description", "category", "status", "isPrivate", "isActive", "maxMembers", "avatar", "tags",
                "rules", "createdBy", "createdAt", "updatedAt", "archivedAt", "isDeleted", "deletedAt", "members", "admins",
            ])
        #expect(
            document["members"] == [
                ["userId": .objectId(adminId), "username": "alice", "role": "admin", "joinedAt": .date(Fixtures.createdAt)],
                ["userId": .objectId(memberId), "username": "bob", "role": "member", "joinedAt": .date(Fixtures.updatedAt)],
            ])
        #expect(document["admins"] == [.objectId(adminId)])
        #expect(document["createdBy"] == .objectId(adminId))
        #expect(document["maxMembers"] == .int32(50))
        #expect(document["avatar"] == .null && document["rules"] == .null)
        #expect(document["archivedAt"] == .null && document["isDeleted"] == false && document["deletedAt"] == .null)
    }

    @Test func archivedGroupAlsoWritesTheOldSoftDelete() throws {
        var group = Fixtures.group
        group.archivedAt = Fixtures.lastLogin
        let document = try GroupDocuments.document(for: group)
        #expect(document["archivedAt"] == .date(Fixtures.lastLogin))
        #expect(document["isDeleted"] == true)
        #expect(document["deletedAt"] == .date(Fixtures.lastLogin))
        #expect(try GroupDocuments.group(from: BSONDocument(bytes: document.bytes())) == group)
    }

    @Test func groupRoundTripsThroughLibbson() throws {
        let document = try GroupDocuments.document(for: Fixtures.group)
        #expect(try GroupDocuments.group(from: BSONDocument(bytes: document.bytes())) == Fixtures.group)
        let bare = Group(name: "bare", createdBy: adminId, createdAt: Fixtures.createdAt)
        #expect(try GroupDocuments.group(from: BSONDocument(bytes: GroupDocuments.document(for: bare).bytes())) == bare)
    }

    @Test func writingKeepsEachMemberOnce() throws {
        var group = Fixtures.group
        group.members.append(GroupMember(userId: adminId, username: "again", role: .member, joinedAt: Fixtures.lastLogin))
        let document = try GroupDocuments.document(for: group)
        #expect(document["members"]?.arrayValue?.count == 2)
        #expect(document["admins"] == [.objectId(adminId)])
    }

    @Test func missingFieldsTakeTheOldServersDefaults() throws {
        let group = try GroupDocuments.group(from: ["_id": .objectId(Fixtures.groupId), "name": nil, "createdBy": .objectId(adminId)])
        #expect(group.name == "" && group.description == "")
        #expect(group.category == "general")
        #expect(group.status == "active")
        #expect(group.isActive && !group.isPrivate)
        #expect(group.members.isEmpty)
        #expect(group.createdAt == Fixtures.groupId.timestamp && group.updatedAt == group.createdAt)
        #expect(group.archivedAt == nil)
    }

    @Test func stringCreatorAndStringAdminFromTheOldApi() throws {
        // POST /api/groups stored the creator as a string in both createdBy and admins, and
        // did not add them to members.
        let group = try GroupDocuments.group(
            from: old(["createdBy": .string(adminId.hexString), "members": [], "admins": [.string(adminId.hexString)]]))
        #expect(group.createdBy == adminId)
        #expect(group.members == [GroupMember(userId: adminId, username: "", role: .admin, joinedAt: Fixtures.createdAt)])
        #expect(group.admins == [adminId])
    }

    @Test func adminByRoleOrByAdminsList() throws {
        let group = try GroupDocuments.group(
            from: old([
                "members": [
                    ["userId": .objectId(adminId), "username": "alice", "role": "admin", "joinedAt": .date(Fixtures.createdAt)],
                    ["userId": .objectId(memberId), "username": "bob", "role": "member", "joinedAt": .date(Fixtures.updatedAt)],
                    ["userId": .objectId(thirdId), "username": "carol", "role": "member", "joinedAt": .date(Fixtures.lastLogin)],
                ],
                // bob was made admin through POST /admins, which left his role alone.
                "admins": [.objectId(memberId)],
            ]))
        #expect(group.members.map(\.role) == [.admin, .admin, .member])
        #expect(group.admins == [adminId, memberId])
    }

    @Test func duplicateMembersCollapseKeepingTheFirstJoin() throws {
        // POST /members added the same user again on every call, each with a new joinedAt.
        let group = try GroupDocuments.group(
            from: old([
                "members": [
                    ["userId": .objectId(memberId), "username": "bob", "role": "member", "joinedAt": .date(Fixtures.updatedAt)],
                    ["userId": .objectId(memberId), "username": "bob2", "role": "member", "joinedAt": .date(Fixtures.createdAt)],
                    ["userId": .string(memberId.hexString), "username": "bob3", "role": "admin", "joinedAt": .date(Fixtures.lastLogin)],
                ]
            ]))
        #expect(group.members == [GroupMember(userId: memberId, username: "bob", role: .admin, joinedAt: Fixtures.createdAt)])
    }

    @Test func brokenMemberEntriesAreSkippedOrDefaulted() throws {
        let group = try GroupDocuments.group(
            from: old([
                "members": [
                    "not a member",
                    ["username": "no id"],
                    ["userId": "not-an-id"],
                    ["userId": .objectId(memberId), "role": 7],
                ],
                "admins": [12, .null],
            ]))
        #expect(group.members == [GroupMember(userId: memberId, username: "", role: .member, joinedAt: Fixtures.createdAt)])
    }

    @Test func membersAreOrderedByJoinDateThenId() {
        let later = GroupMember(userId: adminId, username: "a", joinedAt: Fixtures.updatedAt)
        let tieLow = GroupMember(userId: adminId, username: "a", joinedAt: Fixtures.createdAt)
        let tieHigh = GroupMember(userId: memberId, username: "b", joinedAt: Fixtures.createdAt)
        let entries = [later, tieHigh].map {
            LenientGroupMember(userId: $0.userId, username: $0.username, joinedAt: $0.joinedAt)
        }
        #expect(GroupMembership.members(from: entries, admins: [], createdAt: Fixtures.createdAt).map(\.userId) == [memberId, adminId])
        #expect(GroupMembership.ordered([tieHigh, tieLow]) == [tieLow, tieHigh])
    }

    @Test func oldSoftDeleteReadsAsArchived() throws {
        let deleted = try GroupDocuments.group(from: old(["isDeleted": true, "deletedAt": .date(Fixtures.lastLogin)]))
        #expect(deleted.archivedAt == Fixtures.lastLogin)
        let withoutDate = try GroupDocuments.group(from: old(["isDeleted": true]))
        #expect(withoutDate.archivedAt == Fixtures.updatedAt, "no deletedAt: the last update is when it went")
        let notDeleted = try GroupDocuments.group(from: old(["isDeleted": false, "deletedAt": .date(Fixtures.lastLogin)]))
        #expect(notDeleted.archivedAt == nil)
        let archived = try GroupDocuments.group(from: old(["archivedAt": .date(Fixtures.createdAt), "isDeleted": true]))
        #expect(archived.archivedAt == Fixtures.createdAt, "Parley's own field wins")
    }

    @Test func unreadableDocumentsAreCorrupt() {
        #expect {
            try GroupDocuments.group(from: ["_id": .objectId(Fixtures.groupId), "name": "x", "createdBy": "nobody"])
        } throws: { error in
            guard case .corrupt(let text)? = error as? StoreError else { return false }
            return text.contains(Fixtures.groupId.hexString) && text.contains("createdBy")
        }
        #expect(throws: StoreError.self) { try GroupDocuments.group(from: old(["members": "everyone"])) }
    }
}
