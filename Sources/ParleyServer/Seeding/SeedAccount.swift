import ParleyCore

/// A user to seed with the password it signs in with; the hash is filled in when it is stored.
struct SeedAccount: Sendable {
    var user: User
    let password: String
}
