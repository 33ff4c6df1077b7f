/// `GET /api/admin/stats`: the dashboard's counts, and the server's usage when the caller may
/// see it (nil otherwise).
struct AdminStats: Sendable {
    let dashboard: AdminDashboard
    let usage: SystemUsage?
}
