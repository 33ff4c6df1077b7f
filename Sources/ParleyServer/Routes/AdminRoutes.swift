import Hummingbird

/// `/api/admin`. The service checks roles on every call (super_admin, or group_admin scoped
/// to their own groups).
enum AdminRoutes {
    static func add(to router: Router<AppRequestContext>, controller: AdminController, authentication: AuthenticationMiddleware) {
        router.group("api/admin")
            .add(middleware: authentication)
            .get("dashboard", use: controller.dashboard)
            .get("stats", use: controller.stats)
            .get("users", use: controller.listUsers)
            .post("users", use: controller.createUser)
            .get("users/stats", use: controller.userStats)
            .post("users/bulk-delete", use: controller.bulkDelete)
            .post("users/bulk-update", use: controller.bulkUpdate)
            .put("users/:id", use: controller.updateUser)
            .delete("users/:id", use: controller.deleteUser)
            .get("users/:id/activity", use: controller.userActivity)
            .get("users/:id/groups", use: controller.userGroups)
            .get("groups/stats", use: controller.groupStats)
            .get("channels/stats", use: controller.channelStats)
            .get("groups", use: controller.listGroups)
            .get("channels", use: controller.listChannels)
            .get("logs", use: controller.logs)
            .get("messages", use: controller.recentMessages)
            .get("export/:type", use: controller.export)
            .post("backup", use: controller.notSupported)
            .post("clear-cache", use: controller.notSupported)
            .post("restart", use: controller.notSupported)
    }
}
