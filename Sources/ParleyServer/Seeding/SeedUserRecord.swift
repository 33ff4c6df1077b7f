import ParleyCore

/// One entry of a world's `users.json`. The password is kept in plain text
/// (`_plainPassword`) beside a precomputed hash (`password`) for loaders that do not hash;
/// Parley hashes the plain text itself, at the configured bcrypt cost.
struct SeedUserRecord: Decodable, Sendable {
    let key: String
    let id: ExtendedJSONObjectId
    let username: String
    let email: String
    let plainPassword: String
    let roles: [Role]
    let isActive: Bool
    let createdAt: ExtendedJSONDate
    let updatedAt: ExtendedJSONDate?
    let lastLogin: ExtendedJSONDate?
    let avatar: String?
    let bio: String?
    let phone: String?
    let address: String?

    private enum CodingKeys: String, CodingKey {
        case key = "_key", id = "_id", plainPassword = "_plainPassword"
        case username, email, roles, isActive, createdAt, updatedAt, lastLogin, avatar, bio, phone, address
    }

    func user(passwordHash: String) -> User {
        User(
            id: id.value, username: username, email: email, passwordHash: passwordHash, roles: roles, isActive: isActive,
            createdAt: createdAt.value, updatedAt: updatedAt?.value, lastLogin: lastLogin?.value, avatar: avatar, bio: bio,
            phone: phone, address: address)
    }
}
