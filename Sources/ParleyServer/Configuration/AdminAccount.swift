/// The first super_admin, from `PARLEY_ADMIN_USERNAME`, `_EMAIL` and `_PASSWORD`.
public struct AdminAccount: Sendable, Equatable {
    public var username: String
    public var email: String
    public var password: String

    public init(username: String, email: String, password: String) {
        self.username = username
        self.email = email
        self.password = password
    }
}
