import Hummingbird

/// `/api/groups`. Everything needs an access token; the services check roles and membership.
enum GroupRoutes {
    static func add(to router: Router<AppRequestContext>, controller: GroupController, authentication: AuthenticationMiddleware) {
        router.group("api/groups")
            .add(middleware: authentication)
            .get(use: controller.list)
            .post(use: controller.create)
            .get("my-groups", use: controller.myGroups)
            .get("search", use: controller.search)
            .get("stats", use: controller.stats)
            .get(":id", use: controller.get)
            .put(":id", use: controller.update)
            .delete(":id", use: controller.delete)
            .post(":id/join", use: controller.join)
            .post(":id/leave", use: controller.leave)
            .get(":id/members", use: controller.members)
            .post(":id/members", use: controller.addMember)
            .delete(":id/members/:userId", use: controller.removeMember)
            .get(":id/members/:userId/check", use: controller.checkMember)
            .put(":id/members/:userId/role", use: controller.setRole)
            .post(":id/admins", use: controller.addAdmin)
            .delete(":id/admins/:userId", use: controller.removeAdmin)
            .get(":id/admins/:userId/check", use: controller.checkMember)
    }
}
