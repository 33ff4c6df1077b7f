import Foundation
import ParleyCore

/// The writes that change who belongs to a group, on the group document and on the documents
/// that mirror membership (`users.groups`, channel member lists).
///
/// Adding or changing a member is two conditional single-document updates rather than a
/// read-modify-write, so concurrent writers cannot lose each other's changes and a member can
/// never be listed twice: `add` pushes only if the user is not yet in `members`; `change`
/// updates every entry of the user (old data may hold duplicates) in place, keeping `joinedAt`.
/// Either way `admins` follows the member's role.
enum GroupMembershipDocuments {
    static func addFilter(groupId: ObjectId, userId: ObjectId) -> BSONDocument {
        ["_id": .objectId(groupId), "members.userId": LegacyIdMatch.none(userId)]
    }

    static func add(_ member: GroupMember, at date: Date) throws -> BSONDocument {
        var update: BSONDocument = [
            "$set": ["updatedAt": .date(date)],
            "$push": ["members": try BSONEncoder().encodeValue(GroupMemberDocument(member))],
        ]
        update.append(contentsOf: adminsFollowing(member))
        return update
    }

    static func changeFilter(groupId: ObjectId, userId: ObjectId) -> BSONDocument {
        ["_id": .objectId(groupId), "members.userId": LegacyIdMatch.any(userId)]
    }

    /// Rewrites the id as an ObjectId and the username as given; `joinedAt` is left as it was.
    static func change(_ member: GroupMember, at date: Date) -> BSONDocument {
        var update: BSONDocument = [
            "$set": [
                "members.$[entry].userId": .objectId(member.userId),
                "members.$[entry].username": .string(member.username),
                "members.$[entry].role": .string(member.role.rawValue),
                "updatedAt": .date(date),
            ]
        ]
        update.append(contentsOf: adminsFollowing(member))
        return update
    }

    /// Selects every entry of the user for `members.$[entry]`.
    static func changeOptions(userId: ObjectId) -> BSONDocument {
        ["arrayFilters": [["entry.userId": LegacyIdMatch.any(userId)]]]
    }

    /// Removes every entry of the user (duplicates included) and the user's admin ids.
    static func remove(userId: ObjectId, at date: Date) -> BSONDocument {
        [
            "$set": ["updatedAt": .date(date)],
            "$pull": ["members": ["userId": LegacyIdMatch.any(userId)], "admins": LegacyIdMatch.any(userId)],
        ]
    }

    /// `users.groups` gains the group (`$addToSet`: never twice).
    static func userJoined(groupId: ObjectId) -> BSONDocument {
        ["$addToSet": ["groups": .objectId(groupId)]]
    }

    static func usersFilter(ids: [ObjectId]) -> BSONDocument {
        ["_id": ["$in": .array(ids.map(BSONValue.objectId))]]
    }

    /// `users.groups` loses the group, in either id form.
    static func userLeft(groupId: ObjectId) -> BSONDocument {
        ["$pull": ["groups": LegacyIdMatch.any(groupId)]]
    }

    /// Every channel of the group, whichever form its `groupId` has.
    static func channelsFilter(groupId: ObjectId) -> BSONDocument {
        ["groupId": LegacyIdMatch.any(groupId)]
    }

    /// Leaving a group means leaving all of its channels.
    static func channelsLeft(userId: ObjectId) -> BSONDocument {
        ["$pull": ["members": LegacyIdMatch.any(userId), "admins": LegacyIdMatch.any(userId)]]
    }

    /// An admin is in `admins`; anyone else is not, in either id form.
    private static func adminsFollowing(_ member: GroupMember) -> BSONDocument {
        member.role == .admin
            ? ["$addToSet": ["admins": .objectId(member.userId)]]
            : ["$pull": ["admins": LegacyIdMatch.any(member.userId)]]
    }
}
