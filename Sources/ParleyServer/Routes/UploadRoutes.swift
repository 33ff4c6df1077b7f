import Hummingbird

/// `/api/upload` (every route needs a token; the service checks ownership for info and
/// delete) and the public `/uploads/<folder>/<name>` files.
enum UploadRoutes {
    static func add(to router: Router<AppRequestContext>, controller: UploadController, authentication: AuthenticationMiddleware) {
        router.get("uploads/:folder/:name", use: controller.serve)
        router.group("api/upload")
            .add(middleware: authentication)
            .post(use: controller.file)
            .post("avatar", use: controller.avatar)
            .post("image", use: controller.image)
            .post("file", use: controller.file)
            .post("multiple", use: controller.multiple)
            .get("limits", use: controller.limitsInfo)
            .get("file-info", use: controller.fileInfo)
            // `**`: the name may come with its folder, as `files/<name>` or `files%2F<name>`.
            .get("info/**", use: controller.info)
            .get("static/:folder/:name", use: controller.serve)
            .delete("file", use: controller.deleteNamedInBody)
            .delete("**", use: controller.delete)
    }
}
