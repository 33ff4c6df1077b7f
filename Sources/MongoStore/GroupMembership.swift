import Foundation
import ParleyCore

/// Turns what the old server may have left in `members` and `admins` into one member list.
///
/// The old server kept admin status in two places that could disagree (`admins`, and each
/// member's `role`), and added the same user again on every "add member". Parley's rules:
/// - a member is an admin if its role is "admin" OR its id is in `admins`;
/// - an id in `admins` that is not a member becomes one (role admin, no username, joined when
///   the group was created), since it administered the group;
/// - duplicate entries collapse into one: the first entry's username, the earliest joinedAt,
///   admin if any of them was;
/// - members are ordered by joinedAt, then user id, as the SQLite engine returns them.
enum GroupMembership {
    static func members(from entries: [LenientGroupMember], admins: [ObjectId], createdAt: Date) -> [GroupMember] {
        let adminIds = Set(admins)
        var members = [GroupMember]()
        var indexById = [ObjectId: Int]()
        for entry in entries {
            guard let userId = entry.userId else { continue }
            let joinedAt = entry.joinedAt ?? createdAt
            let isAdmin = entry.isAdmin || adminIds.contains(userId)
            if let index = indexById[userId] {
                members[index].joinedAt = min(members[index].joinedAt, joinedAt)
                if isAdmin { members[index].role = .admin }
            } else {
                indexById[userId] = members.count
                let role: GroupMemberRole = isAdmin ? .admin : .member
                members.append(GroupMember(userId: userId, username: entry.username ?? "", role: role, joinedAt: joinedAt))
            }
        }
        for adminId in admins where indexById[adminId] == nil {
            indexById[adminId] = members.count
            members.append(GroupMember(userId: adminId, username: "", role: .admin, joinedAt: createdAt))
        }
        return ordered(members)
    }

    /// Joined first comes first; the user id keeps the order stable for equal dates.
    static func ordered(_ members: [GroupMember]) -> [GroupMember] {
        members.sorted { ($0.joinedAt, $0.userId) < ($1.joinedAt, $1.userId) }
    }

    /// One entry per user (the first), for writing a caller's list.
    static func unique(_ members: [GroupMember]) -> [GroupMember] {
        var seen = Set<ObjectId>()
        return members.filter { seen.insert($0.userId).inserted }
    }
}
