import Hummingbird

/// `/api/auth`. Register, login, refresh and logout are open; `me` and `change-password` need
/// an access token.
enum AuthRoutes {
    static func add(to router: Router<AppRequestContext>, controller: AuthController, authentication: AuthenticationMiddleware) {
        let auth = router.group("api/auth")
        auth.post("register", use: controller.register)
        auth.post("login", use: controller.login)
        auth.post("refresh", use: controller.refresh)
        auth.post("logout", use: controller.logout)
        auth.group()
            .add(middleware: authentication)
            .get("me", use: controller.me)
            .put("change-password", use: controller.changePassword)
    }
}
