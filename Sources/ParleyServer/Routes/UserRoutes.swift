import Hummingbird

/// `/api/users`. The avatar lookup is public, as the old client fetches it without a token;
/// everything else needs an access token, and the service checks roles and ownership.
enum UserRoutes {
    static func add(to router: Router<AppRequestContext>, controller: UserController, authentication: AuthenticationMiddleware) {
        let users = router.group("api/users")
        users.get(":id/avatar", use: controller.avatar)
        users.group()
            .add(middleware: authentication)
            .get(use: controller.list)
            .post(use: controller.create)
            .get("search", use: controller.search)
            .get("stats", use: controller.stats)
            .get(":id", use: controller.get)
            .put(":id", use: controller.update)
            .delete(":id", use: controller.delete)
            .get(":id/groups", use: controller.groups)
            .put(":id/status", use: controller.updateStatus)
            .get(":id/activity", use: controller.activityList)
    }
}
