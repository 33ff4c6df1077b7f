import Hummingbird

/// `/health` and the `/api` index. Both are open.
enum SystemRoutes {
    static func add(to router: Router<AppRequestContext>, controller: SystemController) {
        router.get("health", use: controller.health)
        router.get("api", use: controller.apiInfo)
    }
}
