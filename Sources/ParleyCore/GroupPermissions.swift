/// Who may do what to groups and channels (the group rows of the permission table in
/// COMPATIBILITY.md). Pure functions over the group as stored.
public enum GroupPermissions {
    /// Creating a group: super_admin and group_admin.
    public static func canCreateGroup(_ principal: Principal) -> Bool {
        principal.isSuperAdmin || principal.isGroupAdmin
    }

    /// Editing, deleting, managing members and channels, reviewing join requests.
    public static func canAdminister(_ group: Group, principal: Principal) -> Bool {
        principal.isSuperAdmin || group.isAdmin(principal.userId)
    }

    /// Adding or removing group admins: super_admin only.
    public static func canManageAdmins(_ principal: Principal) -> Bool {
        principal.isSuperAdmin
    }

    /// Seeing that a group exists. Unarchived groups are listed to everyone signed in, so that
    /// a private group can be found and asked to join; outsiders see only its public face (see
    /// `canRead`). Archived groups answer 404 to all but admins.
    public static func canSee(_ group: Group, principal: Principal) -> Bool {
        principal.isSuperAdmin || !group.isArchived || group.isAdmin(principal.userId)
    }

    /// Reading the group's member list, channels and content. For a public group every signed-in
    /// user may look in (and join); a private group's insides are for its members.
    public static func canRead(_ group: Group, principal: Principal) -> Bool {
        if !group.isPrivate && !group.isArchived { return true }
        return principal.isSuperAdmin || (!group.isArchived && group.isMember(principal.userId)) || group.isAdmin(principal.userId)
    }

    /// Reading or posting in a channel: members of its group, and of the channel itself when
    /// it is private (group admins always).
    public static func canRead(_ channel: Channel, in group: Group, principal: Principal) -> Bool {
        if principal.isSuperAdmin || group.isAdmin(principal.userId) { return true }
        guard !group.isArchived, !channel.isArchived, group.isMember(principal.userId) else { return false }
        return !channel.isPrivate || channel.members.contains(principal.userId)
    }
}
