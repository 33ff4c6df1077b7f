import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The membership writes: conditional add-or-change on the group, then the mirrors in
/// `users.groups` and the channels.
struct GroupMembershipDocumentsTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000.5)
    private let userId = Fixtures.otherUserId
    private let groupId = Fixtures.groupId
    private func either(_ id: ObjectId) -> BSONValue { ["$in": [.objectId(id), .string(id.hexString)]] }

    @Test func addPushesOnlyWhenTheUserIsNotYetAMember() throws {
        #expect(
            GroupMembershipDocuments.addFilter(groupId: groupId, userId: userId)
                == ["_id": .objectId(groupId), "members.userId": ["$nin": [.objectId(userId), .string(userId.hexString)]]])
        let member = GroupMember(userId: userId, username: "bob", role: .member, joinedAt: Fixtures.createdAt)
        #expect(
            try GroupMembershipDocuments.add(member, at: now) == [
                "$set": ["updatedAt": .date(now)],
                "$push": [
                    "members": [
                        "userId": .objectId(userId), "username": "bob", "role": "member", "joinedAt": .date(Fixtures.createdAt),
                    ]
                ],
                "$pull": ["admins": either(userId)],
            ])
    }

    @Test func addingAnAdminAlsoAddsToAdmins() throws {
        let member = GroupMember(userId: userId, username: "bob", role: .admin, joinedAt: Fixtures.createdAt)
        let update = try GroupMembershipDocuments.add(member, at: now)
        #expect(update["$addToSet"] == ["admins": .objectId(userId)])
        #expect(update["$pull"] == nil)
    }

    @Test func changeUpdatesEveryEntryOfTheUserAndKeepsJoinedAt() {
        #expect(
            GroupMembershipDocuments.changeFilter(groupId: groupId, userId: userId)
                == ["_id": .objectId(groupId), "members.userId": either(userId)])
        let member = GroupMember(userId: userId, username: "robert", role: .admin, joinedAt: now)
        #expect(
            GroupMembershipDocuments.change(member, at: now) == [
                "$set": [
                    "members.$[entry].userId": .objectId(userId), "members.$[entry].username": "robert",
                    "members.$[entry].role": "admin", "updatedAt": .date(now),
                ],
                "$addToSet": ["admins": .objectId(userId)],
            ])
        #expect(GroupMembershipDocuments.changeOptions(userId: userId) == ["arrayFilters": [["entry.userId": either(userId)]]])
    }

    @Test func demotingRemovesFromAdminsInEitherForm() {
        let member = GroupMember(userId: userId, username: "bob", role: .member)
        #expect(GroupMembershipDocuments.change(member, at: now)["$pull"] == ["admins": either(userId)])
    }

    @Test func removePullsEveryEntryAndAdminId() {
        #expect(
            GroupMembershipDocuments.remove(userId: userId, at: now) == [
                "$set": ["updatedAt": .date(now)],
                "$pull": ["members": ["userId": either(userId)], "admins": either(userId)],
            ])
    }

    @Test func usersGroupsFollowMembership() {
        #expect(GroupMembershipDocuments.userJoined(groupId: groupId) == ["$addToSet": ["groups": .objectId(groupId)]])
        #expect(GroupMembershipDocuments.userLeft(groupId: groupId) == ["$pull": ["groups": either(groupId)]])
        #expect(
            GroupMembershipDocuments.usersFilter(ids: [userId, Fixtures.userId])
                == ["_id": ["$in": [.objectId(userId), .objectId(Fixtures.userId)]]])
    }

    @Test func leavingTheGroupLeavesItsChannels() {
        #expect(GroupMembershipDocuments.channelsFilter(groupId: groupId) == ["groupId": either(groupId)])
        #expect(
            GroupMembershipDocuments.channelsLeft(userId: userId)
                == ["$pull": ["members": either(userId), "admins": either(userId)]])
    }
}
