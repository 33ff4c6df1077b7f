/// What login, register and refresh answer in `data`. `token` repeats `accessToken` for the
/// clients (and the old Jest suite) that read that name.
struct AuthResultView: Encodable, Sendable {
    let user: UserView
    let accessToken: String
    let refreshToken: String
    let expiresIn: Int

    enum CodingKeys: String, CodingKey { case user, accessToken, refreshToken, token, expiresIn }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user, forKey: .user)
        try container.encode(accessToken, forKey: .accessToken)
        try container.encode(refreshToken, forKey: .refreshToken)
        try container.encode(accessToken, forKey: .token)
        try container.encode(expiresIn, forKey: .expiresIn)
    }
}
