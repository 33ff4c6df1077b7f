import Foundation
import ParleyCore

/// A `users` document in the shape the old Node server wrote, so both servers can share one
/// database. Differences from `User`: the id is `_id` and the bcrypt hash is `password`.
///
/// Reading is lenient where old data varies, following what Mongoose did when it loaded such a
/// document (it fills schema defaults for missing paths): `roles` absent → ["user"], `groups`
/// absent → [] and non-id entries and repeats skipped, `isActive` absent → true, and missing timestamps
/// fall back to the id's creation time.
struct UserDocument: Codable, Equatable {
    var id: ObjectId
    var username: String
    var email: String
    var password: String
    var roles: [Role]
    var groups: [ObjectId]
    var isActive: Bool
    var createdAt: Date
    var updatedAt: Date
    var lastLogin: Date?
    var avatar: String?
    var bio: String?
    var phone: String?
    var address: String?

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case username, email, password, roles, groups, isActive, createdAt, updatedAt, lastLogin
        case avatar, bio, phone, address
    }

    init(_ user: User) {
        id = user.id
        username = user.username
        email = user.email
        password = user.passwordHash
        roles = user.roles
        groups = user.groups
        isActive = user.isActive
        createdAt = user.createdAt
        updatedAt = user.updatedAt
        lastLogin = user.lastLogin
        avatar = user.avatar
        bio = user.bio
        phone = user.phone
        address = user.address
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ObjectId.self, forKey: .id)
        username = try container.decode(String.self, forKey: .username)
        email = try container.decode(String.self, forKey: .email)
        password = try container.decode(String.self, forKey: .password)
        roles = try container.decodeIfPresent([Role].self, forKey: .roles) ?? [.user]
        // Each group once: the old user update paths stored string ids, and the group store's
        // `$addToSet` of the ObjectId does not see a string form already there.
        var seen = Set<ObjectId>()
        groups = (try container.decodeIfPresent([LenientObjectId].self, forKey: .groups)?.compactMap(\.id) ?? [])
            .filter { seen.insert($0).inserted }
        isActive = try container.decodeIfPresent(Bool.self, forKey: .isActive) ?? true
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt) ?? id.timestamp
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt) ?? createdAt
        lastLogin = try container.decodeIfPresent(Date.self, forKey: .lastLogin)
        avatar = try container.decodeIfPresent(String.self, forKey: .avatar)
        bio = try container.decodeIfPresent(String.self, forKey: .bio)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        address = try container.decodeIfPresent(String.self, forKey: .address)
    }

    var user: User {
        User(
            id: id, username: username, email: email, passwordHash: password, roles: roles, groups: groups,
            isActive: isActive, createdAt: createdAt, updatedAt: updatedAt, lastLogin: lastLogin, avatar: avatar,
            bio: bio, phone: phone, address: address)
    }
}
