import Hummingbird

/// `/api/group-requests`.
enum GroupRequestRoutes {
    static func add(to router: Router<AppRequestContext>, controller: GroupRequestController, authentication: AuthenticationMiddleware) {
        router.group("api/group-requests")
            .add(middleware: authentication)
            .get(use: controller.list)
            .post(use: controller.create)
            .get("stats", use: controller.stats)
            .post("bulk/approve", use: controller.bulkApprove)
            .post("bulk/reject", use: controller.bulkReject)
            .get(":requestId", use: controller.get)
            .delete(":requestId", use: controller.delete)
            .post(":requestId/approve", use: controller.approve)
            .post(":requestId/reject", use: controller.reject)
    }
}
