import ParleyStore

/// `{totalGroups, activeGroups, privateGroups, publicGroups, averageMembersPerGroup}` — real
/// figures where the old server sent placeholders.
struct GroupStatsView: Encodable, Sendable {
    let totalGroups: Int
    let activeGroups: Int
    let privateGroups: Int
    let publicGroups: Int
    let archivedGroups: Int
    let averageMembersPerGroup: Double

    init(_ counts: GroupCounts) {
        totalGroups = counts.total
        activeGroups = counts.active
        privateGroups = counts.privateGroups
        publicGroups = counts.total - counts.privateGroups
        archivedGroups = counts.archived
        averageMembersPerGroup = counts.total == 0 ? 0 : (Double(counts.memberships) / Double(counts.total) * 100).rounded() / 100
    }
}

/// `{totalChannels, activeChannels, textChannels, voiceChannels, videoChannels}`.
struct ChannelStatsView: Encodable, Sendable {
    let totalChannels: Int
    let activeChannels: Int
    let textChannels: Int
    let voiceChannels: Int
    let videoChannels: Int

    init(_ counts: ChannelCounts) {
        totalChannels = counts.total
        activeChannels = counts.active
        textChannels = counts.byType["text"] ?? 0
        voiceChannels = counts.byType["voice"] ?? 0
        videoChannels = counts.byType["video"] ?? 0
    }
}

/// `{totalRequests, pendingRequests, approvedRequests, rejectedRequests}`.
struct GroupRequestStatsView: Encodable, Sendable {
    let totalRequests: Int
    let pendingRequests: Int
    let approvedRequests: Int
    let rejectedRequests: Int
    let withdrawnRequests: Int

    init(_ counts: GroupRequestCounts) {
        totalRequests = counts.total
        pendingRequests = counts.byStatus[.pending] ?? 0
        approvedRequests = counts.byStatus[.approved] ?? 0
        rejectedRequests = counts.byStatus[.rejected] ?? 0
        withdrawnRequests = counts.byStatus[.withdrawn] ?? 0
    }
}

/// `{totalUsers, activeUsers, newUsersThisWeek, superAdmins, groupAdmins, inactiveUsers}`.
struct UserStatsView: Encodable, Sendable {
    let totalUsers: Int
    let activeUsers: Int
    let newUsersThisWeek: Int
    let superAdmins: Int
    let groupAdmins: Int
    let inactiveUsers: Int
    let deactivatedUsers: Int

    init(_ counts: UserCounts) {
        totalUsers = counts.total
        activeUsers = counts.recentlyActive
        newUsersThisWeek = counts.createdSince
        superAdmins = counts.superAdmins
        groupAdmins = counts.groupAdmins
        inactiveUsers = counts.total - counts.recentlyActive
        deactivatedUsers = counts.total - counts.active
    }
}

/// The answer of the member and admin checks.
struct MembershipCheckView: Encodable, Sendable {
    let isMember: Bool
    let isAdmin: Bool
    let role: String?

    enum CodingKeys: String, CodingKey { case isMember, isAdmin, role }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isMember, forKey: .isMember)
        try container.encode(isAdmin, forKey: .isAdmin)
        try container.encode(role, forKey: .role)
    }
}
