import Foundation
import ParleyCore

/// One entry of `groups.members` as Parley writes it, the old server's shape:
/// `{userId: ObjectId, username, role: "admin"|"member", joinedAt}`. `username` is the name at
/// the time of writing (denormalised, as the old server kept it).
struct GroupMemberDocument: Codable, Equatable {
    var userId: ObjectId
    var username: String
    var role: GroupMemberRole
    var joinedAt: Date

    init(_ member: GroupMember) {
        userId = member.userId
        username = member.username
        role = member.role
        joinedAt = member.joinedAt
    }

    var member: GroupMember {
        GroupMember(userId: userId, username: username, role: role, joinedAt: joinedAt)
    }
}
