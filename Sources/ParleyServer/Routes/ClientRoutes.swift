import Hummingbird

/// `/api/client`: the caller's own data.
enum ClientRoutes {
    static func add(to router: Router<AppRequestContext>, controller: ClientController, authentication: AuthenticationMiddleware) {
        router.group("api/client")
            .add(middleware: authentication)
            .get("profile", use: controller.profile)
            .put("profile", use: controller.updateProfile)
            .get("groups", use: controller.groups)
            .get("channels", use: controller.channels)
            .get("messages", use: controller.channelMessages)
            .get("recent-messages", use: controller.recentMessages)
            .get("notifications", use: controller.notificationList)
            .get("notifications/unread-count", use: controller.unreadCount)
            .put("notifications/read-all", use: controller.markAllNotificationsRead)
            .put("notifications/:notificationId/read", use: controller.markNotificationRead)
            .delete("notifications/:notificationId", use: controller.deleteNotification)
            .get("settings", use: controller.settings)
            .put("settings", use: controller.updateSettings)
            .get("preferences", use: controller.preferences)
            .put("preferences", use: controller.updatePreferences)
            .get("status", use: controller.status)
            .put("status", use: controller.updateStatus)
            .get("stats", use: controller.stats)
            .get("activity", use: controller.activityList)
            .get("search", use: controller.search)
            .get("export", use: controller.export)
            .get("sessions", use: controller.sessions)
            .delete("sessions/others", use: controller.revokeOtherSessions)
            .delete("sessions/:sessionId", use: controller.revokeSession)
            .delete("account", use: controller.closeAccount)
    }
}
