import ParleyCore

/// The fields of an account to create, already type-checked by a controller.
struct NewAccount: Sendable {
    var username: String
    var email: String
    var password: String
    var roles: [Role] = [.user]
    var isActive: Bool = true
    var profile: ProfileChanges = ProfileChanges()
}

/// Profile fields a user may set on their own account.
struct ProfileChanges: Sendable, Equatable {
    var username: String?
    var email: String?
    var avatar: String??
    var bio: String??
    var phone: String??
    var address: String??
}
