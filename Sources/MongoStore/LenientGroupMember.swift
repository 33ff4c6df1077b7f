import Foundation
import ParleyCore

/// A `groups.members` entry read from old data, where any part may be missing or odd: a
/// string user id, no username, no joinedAt, a role other than "admin". Nothing here throws;
/// an entry without a usable user id is skipped by `GroupMembership`.
struct LenientGroupMember: Decodable, Equatable {
    var userId: ObjectId?
    var username: String?
    var isAdmin: Bool
    var joinedAt: Date?

    private enum CodingKeys: String, CodingKey {
        case userId, username, role, joinedAt
    }

    init(userId: ObjectId?, username: String? = nil, isAdmin: Bool = false, joinedAt: Date? = nil) {
        self.userId = userId
        self.username = username
        self.isAdmin = isAdmin
        self.joinedAt = joinedAt
    }

    init(from decoder: any Decoder) throws {
        // An entry that is not even a document (old defects) reads as an entry without an id.
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
            self.init(userId: nil)
            return
        }
        // `try?` flattens: a field of the wrong type reads as absent, like a missing one.
        self.init(
            userId: (try? container.decodeIfPresent(LenientObjectId.self, forKey: .userId))?.id,
            username: try? container.decodeIfPresent(String.self, forKey: .username),
            isAdmin: (try? container.decodeIfPresent(String.self, forKey: .role)) == "admin",
            joinedAt: try? container.decodeIfPresent(Date.self, forKey: .joinedAt))
    }
}
