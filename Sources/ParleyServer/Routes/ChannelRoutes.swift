import Hummingbird

/// `/api/channels`.
enum ChannelRoutes {
    static func add(to router: Router<AppRequestContext>, controller: ChannelController, authentication: AuthenticationMiddleware) {
        router.group("api/channels")
            .add(middleware: authentication)
            .get(use: controller.list)
            .post(use: controller.create)
            .get("paginated", use: controller.paginated)
            .get("search", use: controller.search)
            .get("stats", use: controller.stats)
            .get("my-channels", use: controller.myChannels)
            .get("group/:groupId", use: controller.byGroup)
            .get(":id", use: controller.get)
            .put(":id", use: controller.update)
            .delete(":id", use: controller.delete)
            .put(":id/settings", use: controller.updateSettings)
            .put(":id/archive", use: controller.archive)
            .put(":id/unarchive", use: controller.unarchive)
            .post(":id/join", use: controller.join)
            .post(":id/leave", use: controller.leave)
            .get(":id/members", use: controller.members)
            .post(":id/members", use: controller.addMember)
            .delete(":id/members/:userId", use: controller.removeMember)
            .get(":id/members/:userId/check", use: controller.checkMember)
            .get(":id/activity", use: controller.activityLog)
    }
}
