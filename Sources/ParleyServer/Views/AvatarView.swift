/// `GET /api/users/:id/avatar`: `{avatar}`, null when unset.
struct AvatarView: Encodable, Sendable {
    let avatar: String?

    enum CodingKeys: String, CodingKey { case avatar }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(avatar, forKey: .avatar)
    }
}
