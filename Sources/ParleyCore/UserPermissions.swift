/// Who may do what to user accounts (the "users" rows of the permission table in
/// COMPATIBILITY.md). Pure functions, so that services and tests share one statement of the rules.
public enum UserPermissions {
    public static let insufficient = DomainError.forbidden("Insufficient permissions")

    /// Listing every account, creating, deleting, and bulk changes.
    public static func canManageUsers(_ principal: Principal) -> Bool {
        principal.isSuperAdmin
    }

    /// Email, phone, address and other private fields: the user themself and a super_admin.
    /// A group_admin manages groups, not accounts, and sees others' public profiles only.
    public static func canSeePrivateFields(of userId: ObjectId, principal: Principal) -> Bool {
        principal.userId == userId || principal.isSuperAdmin
    }

    /// Profile fields: the user themself or a super_admin.
    public static func canEditProfile(of userId: ObjectId, principal: Principal) -> Bool {
        principal.userId == userId || principal.isSuperAdmin
    }

    /// `roles` and `isActive`: super_admin only, and never through a self-service path.
    public static func canChangeRolesOrStatus(_ principal: Principal) -> Bool {
        principal.isSuperAdmin
    }

    public static func requireManageUsers(_ principal: Principal) throws {
        guard canManageUsers(principal) else { throw insufficient }
    }
}
