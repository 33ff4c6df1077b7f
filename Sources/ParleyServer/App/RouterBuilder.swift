import Hummingbird
import SocketIO

/// Builds the router: global middleware (outermost first), then every resource's routes.
enum RouterBuilder {
    static func build(
        configuration: AppConfiguration, services: AppServices, realtime: SocketIOServer, uploads: UploadService,
        metrics: AppMetrics, readiness: [any ReadinessCheck], cluster: ClusterLink? = nil
    ) throws -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: metrics))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: cors(origin: configuration.corsOrigin))
        // Inside CORS, so error answers carry CORS headers and browsers can read them.
        router.add(middleware: ErrorEnvelopeMiddleware())

        // Engine.IO long-polling; WebSocket upgrades are taken before the router.
        realtime.mount(on: router)
        PeerServerRoutes.add(to: router)

        let authentication = AuthenticationMiddleware(auth: services.auth)
        let bodyLimit = configuration.jsonBodyLimit
        let publicURL = configuration.publicURL
        var redisUp: (@Sendable () async -> Bool)?
        if let cluster { redisUp = { await cluster.isUp() } }
        SystemRoutes.add(
            to: router, controller: SystemController(store: services.store, environment: configuration.environment, redisUp: redisUp),
            openAPI: try OpenAPIDocument.bundled())
        HealthRoutes.add(
            to: router, health: HealthController(checks: readiness, limit: .seconds(2)),
            metrics: MetricsController(metrics: metrics, token: configuration.metricsToken))
        if let page = configuration.benchStaticPage {
            BenchRoutes.add(to: router, controller: try StaticPageController(file: page))
        }
        AuthRoutes.add(
            to: router, controller: AuthController(auth: services.auth, bodyLimit: bodyLimit), authentication: authentication)
        let userController = UserController(
            users: services.users, activity: services.activity, client: services.client, publicURL: publicURL, bodyLimit: bodyLimit)
        UserRoutes.add(to: router, controller: userController, authentication: authentication)
        GroupRoutes.add(
            to: router,
            controller: GroupController(
                groups: services.groups, requests: services.groupRequests, channels: services.channels, publicURL: publicURL, bodyLimit: bodyLimit),
            authentication: authentication)
        GroupRequestRoutes.add(
            to: router, controller: GroupRequestController(requests: services.groupRequests, bodyLimit: bodyLimit), authentication: authentication)
        ChannelRoutes.add(
            to: router,
            controller: ChannelController(channels: services.channels, users: services.users, activity: services.activity, bodyLimit: bodyLimit),
            authentication: authentication)
        let inlineImages = InlineImageService(uploads: uploads, jsonBodyLimit: bodyLimit)
        MessageRoutes.add(
            to: router,
            messages: MessageController(messages: services.messages, inlineImages: inlineImages, publicURL: publicURL, bodyLimit: bodyLimit),
            reactions: ReactionController(reactions: services.reactions, bodyLimit: bodyLimit),
            replies: ReplyController(replies: services.replies, inlineImages: inlineImages, publicURL: publicURL, bodyLimit: bodyLimit),
            authentication: authentication)
        ClientRoutes.add(
            to: router,
            controller: ClientController(
                client: services.client, channels: services.channels, messages: services.messages,
                notifications: services.notifications, activity: services.activity,
                hasher: services.hasher, publicURL: publicURL, bodyLimit: bodyLimit),
            authentication: authentication)
        AdminRoutes.add(
            to: router,
            controller: AdminController(
                admin: services.admin, users: services.users, userController: userController, groups: services.groups, channels: services.channels, messages: services.messages,
                activity: services.activity, publicURL: publicURL, bodyLimit: bodyLimit),
            authentication: authentication)
        VideoCallRoutes.add(
            to: router, controller: VideoCallController(calls: services.calls, bodyLimit: bodyLimit), authentication: authentication)
        UploadRoutes.add(
            to: router,
            controller: UploadController(
                uploads: uploads, reader: MultipartUploadReader(folder: uploads.folder, limits: uploads.limits),
                responder: UploadFileResponder(storage: uploads.storage),
                publicURL: publicURL, bodyLimit: bodyLimit),
            authentication: authentication)
        return router
    }

    /// `CORS_ORIGIN` names the one allowed origin; `*` echoes the caller's origin, because
    /// browsers refuse a literal `*` together with credentials.
    private static func cors(origin: String) -> CORSMiddleware<AppRequestContext> {
        CORSMiddleware(
            allowOrigin: origin == "*" ? .originBased : .custom(origin),
            allowHeaders: [.contentType, .authorization, .cookie],
            allowMethods: [.get, .post, .put, .delete, .patch, .options],
            allowCredentials: true)
    }
}
