import Foundation

/// Format rules for account fields. The old server checked these only on update; Parley checks
/// them on every path that writes them.
public enum UserValidation {
    public static let minimumPasswordLength = 6
    /// bcrypt reads at most 72 bytes; a longer password would be silently truncated.
    public static let maximumPasswordBytes = 72

    /// 3–30 letters, digits, underscores, dots or hyphens. (The old rule also allowed spaces,
    /// which made usernames that cannot be @mentioned; existing names are still accepted at login.)
    public static func checkUsername(_ username: String) -> FieldError? {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_.-"))
        guard (3...30).contains(username.count),
            username.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) })
        else {
            return FieldError(
                field: "username",
                message: "Username must be 3-30 characters: letters, digits, '_', '.' or '-'")
        }
        return nil
    }

    public static func checkEmail(_ email: String) -> FieldError? {
        // One @, something before it, a dotted domain after it, no spaces: the old server's rule.
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            email.count <= 254 && parts.count == 2 && !parts[0].isEmpty
            && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !email.contains(where: { $0.isWhitespace })
        return valid ? nil : FieldError(field: "email", message: "Invalid email format")
    }

    public static func checkPassword(_ password: String, field: String = "password") -> FieldError? {
        if password.count < minimumPasswordLength {
            return FieldError(field: field, message: "Password must be at least \(minimumPasswordLength) characters long")
        }
        if password.utf8.count > maximumPasswordBytes {
            return FieldError(field: field, message: "Password must be at most \(maximumPasswordBytes) bytes long")
        }
        if password.utf8.contains(0) {
            return FieldError(field: field, message: "Password must not contain NUL characters")
        }
        return nil
    }

    /// Emails are compared and stored in lower case so that `Foo@x.com` and `foo@x.com` are one
    /// account.
    public static func normalizeEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
