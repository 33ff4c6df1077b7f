import ParleyCore

/// A requested change to an account: profile fields, and the administrative fields that only a
/// super_admin may set.
struct UserUpdate: Sendable {
    var profile = ProfileChanges()
    var roles: [Role]?
    var isActive: Bool?

    var touchesAdministrativeFields: Bool { roles != nil || isActive != nil }
}
