import Hummingbird

/// `/api/video-calls`. Static paths sit beside `:id`; the router prefers them.
enum VideoCallRoutes {
    static func add(to router: Router<AppRequestContext>, controller: VideoCallController, authentication: AuthenticationMiddleware) {
        router.group("api/video-calls")
            .add(middleware: authentication)
            .get("history", use: controller.history)
            .get("active", use: controller.active)
            .get("stats", use: controller.stats)
            .post("cleanup", use: controller.cleanup)
            .post(use: controller.create)
            .get(":id", use: controller.get)
            .post(":id/answer", use: controller.answer)
            .post(":id/reject", use: controller.reject)
            .post(":id/end", use: controller.end)
            .post(":id/recording/start", use: controller.noMediaServer)
            .post(":id/recording/stop", use: controller.noMediaServer)
            .get(":id/recording", use: controller.noMediaServer)
            .put(":id/quality", use: controller.noMediaServer)
    }
}
