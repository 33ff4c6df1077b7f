import Hummingbird

/// `/health`, the `/api` index and the OpenAPI document. All are open.
enum SystemRoutes {
    static func add(to router: Router<AppRequestContext>, controller: SystemController, openAPI: OpenAPIDocument) {
        router.get("health", use: controller.health)
        router.get("api", use: controller.apiInfo)
        router.get("api/openapi.json", use: openAPI.response)
    }
}
