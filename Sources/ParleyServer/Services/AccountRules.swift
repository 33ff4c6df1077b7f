import ParleyCore
import ParleyStore

/// Checks shared by registration, admin creation and profile edits, so that every path that
/// writes a username, email or password applies the same rules.
enum AccountRules {
    static func validate(username: String?, email: String?, password: String?) throws {
        var problems: [FieldError] = []
        if let username, let problem = UserValidation.checkUsername(username) { problems.append(problem) }
        if let email, let problem = UserValidation.checkEmail(email) { problems.append(problem) }
        if let password, let problem = UserValidation.checkPassword(password) { problems.append(problem) }
        if let first = problems.first {
            throw DomainError.validation(first.message, fields: problems)
        }
    }

    static let maximumProfileFieldLength = 2_000

    static func validate(profile: ProfileChanges) throws {
        try validate(username: profile.username, email: profile.email, password: nil)
        let optional: [(String, String??)] = [
            ("avatar", profile.avatar), ("bio", profile.bio), ("phone", profile.phone), ("address", profile.address),
        ]
        for (field, value) in optional {
            if case .some(.some(let text)) = value, text.count > maximumProfileFieldLength {
                throw DomainError.validation(
                    "\(field) must be at most \(maximumProfileFieldLength) characters",
                    fields: [FieldError(field: field, message: "too long")])
            }
        }
    }

    static func validate(roles: [Role]) throws {
        guard !roles.isEmpty else { throw DomainError.validation("roles must not be empty") }
        if let unknown = roles.first(where: { !Role.assignable.contains($0) }) {
            throw DomainError.validation("Unknown role \"\(unknown.rawValue)\" (expected super_admin, group_admin or user)")
        }
    }

    /// Turns a unique-index refusal into the 409 clients expect.
    static func conflict(from error: StoreError) -> any Error {
        switch error {
        case .duplicate(let field) where field == "username": return DomainError.conflict("Username already exists")
        case .duplicate(let field) where field == "email": return DomainError.conflict("Email already exists")
        case .duplicate: return DomainError.conflict("User with this email or username already exists")
        default: return error
        }
    }
}
