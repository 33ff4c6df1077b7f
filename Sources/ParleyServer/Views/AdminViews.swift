import ParleyCore
import ParleyStore

/// `GET /api/admin/dashboard`: the old field names, with real figures.
struct AdminDashboardView: Encodable, Sendable {
    let totalUsers: Int
    let activeUsers: Int
    let newUsersThisWeek: Int
    let totalGroups: Int
    let totalChannels: Int
    let totalMessages: Int
    let messagesToday: Int
    let messagesThisWeek: Int
    let recentActivity: [ActivityView]

    init(_ dashboard: AdminDashboard) {
        totalMessages = dashboard.messagesToday.total
        messagesToday = dashboard.messagesToday.since
        messagesThisWeek = dashboard.messagesThisWeek.since
        totalUsers = dashboard.users.total
        activeUsers = dashboard.users.recentlyActive
        newUsersThisWeek = dashboard.users.createdSince
        totalGroups = dashboard.groups.total
        totalChannels = dashboard.channels.total
        recentActivity = dashboard.recentActivity.map(ActivityView.init)
    }
}

/// `GET /api/admin/stats`: users, groups and channels figures together, then the server's
/// usage (`SystemUsageView`) in the same object.
struct AdminStatsView: Encodable, Sendable {
    struct Users: Encodable, Sendable {
        let total: Int
        let active: Int
        let inactive: Int
        let newThisWeek: Int
    }

    struct Messages: Encodable, Sendable {
        let total: Int
        let today: Int
        let thisWeek: Int
    }

    let users: Users
    let groups: GroupStatsView
    let channels: ChannelStatsView
    let messages: Messages
    let usage: SystemUsageView

    enum CodingKeys: String, CodingKey { case users, groups, channels, messages }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(users, forKey: .users)
        try container.encode(groups, forKey: .groups)
        try container.encode(channels, forKey: .channels)
        try container.encode(messages, forKey: .messages)
        try usage.encode(to: encoder)
    }

    init(_ stats: AdminStats) {
        let dashboard = stats.dashboard
        usage = SystemUsageView(usage: stats.usage)
        messages = Messages(total: dashboard.messagesToday.total, today: dashboard.messagesToday.since, thisWeek: dashboard.messagesThisWeek.since)
        users = Users(
            total: dashboard.users.total, active: dashboard.users.recentlyActive,
            inactive: dashboard.users.total - dashboard.users.recentlyActive, newThisWeek: dashboard.users.createdSince)
        groups = GroupStatsView(dashboard.groups)
        channels = ChannelStatsView(dashboard.channels)
    }
}

/// `{users, total, page, pages, limit}` for the admin user list.
struct AdminUserListView: Encodable, Sendable {
    let users: [UserView]
    let total: Int
    let page: Int
    let pages: Int
    let limit: Int
}
