import Foundation
import Hummingbird
import Logging
import NIOPosix
import ParleyStore
import RedisClient
import SocketIO

/// Builds a runnable Parley application from a configuration: opens the store, creates the
/// first administrator when asked to (later, if the store is not reachable yet), and wires
/// services, routes and shutdown.
public enum ApplicationBuilder {
    public static func build(
        configuration: AppConfiguration, logger: Logger, events givenEvents: (any EventBus)? = nil,
        onServerRunning: (@Sendable (Int) async -> Void)? = nil
    ) async throws -> some ApplicationProtocol {
        let metrics = AppMetrics()
        let openedStore = try await StoreFactory.open(configuration.store, logger: logger)
        do {
            try UploadStorageFactory.check(configuration, store: openedStore)
        } catch {
            try? await openedStore.close()
            throw error
        }
        let store = TimedStore(openedStore, metrics: metrics)
        let threadPool = NIOThreadPool(numberOfThreads: max(2, ProcessInfo.processInfo.activeProcessorCount))
        threadPool.start()
        let realtime = configuration.realtime
        // With REDIS_URL this process is a node of a cluster: events and rooms go through Redis.
        let cluster = configuration.redisURL.map {
            ClusterLink(url: $0, nodeID: configuration.nodeID, threadPool: threadPool, logger: logger)
        }
        if let cluster {
            logger.info("cluster node", metadata: ["node": .string(cluster.nodeID), "redis": .string(cluster.client.url.description)])
            if case .sqlite = configuration.store {
                logger.warning(
                    "REDIS_URL with SQLite: the nodes must be processes of one machine sharing one database file (use MongoDB across machines)")
            }
        }
        let events: any EventBus
        if let givenEvents {
            events = givenEvents
        } else if let cluster {
            events = cluster.eventBus()
        } else {
            events = InProcessEventBus()
        }
        let makeAdapter: @Sendable (String) -> any SocketIOAdapter = { namespace in
            guard let cluster else { return InMemoryAdapter() }
            return cluster.adapter(namespace: namespace)
        }
        let io = SocketIOServer(
            configuration: SocketIOConfiguration(
                engine: EngineConfiguration(
                    path: "/socket.io/", pingInterval: realtime.pingInterval, pingTimeout: realtime.pingTimeout,
                    maxPayload: realtime.maxPayload, maxQueuedPackets: realtime.maxQueuedPackets,
                    // The router's CORS middleware answers for the polling routes too.
                    corsOrigin: nil, metrics: metrics.socketIO,
                    // nginx pins a polling session to its node by this prefix (deploy/nginx).
                    sessionIDPrefix: configuration.nodeID + "."),
                makeAdapter: makeAdapter,
                recovery: realtime.recoveryWindow > .zero
                    // A replay goes through the connection's send queue: keep it well inside.
                    ? SocketIORecoveryConfiguration(window: realtime.recoveryWindow, maxSessionPackets: max(1, realtime.maxQueuedPackets / 2))
                    : nil))
        // With REDIS_URL the node shares presence, calls, video rooms and throttles with the others.
        let clusterState = ClusterState.make(redis: cluster?.client, nodeID: configuration.nodeID, configuration: configuration, logger: logger)
        let services = await AppServices(
            configuration: configuration, store: store, threadPool: threadPool, logger: logger, events: events, connections: io,
            loginThrottle: clusterState.loginThrottle, metrics: metrics)

        var pendingAdmin: AdminBootstrap?
        if let admin = configuration.admin {
            // Bad settings stop start-up; an unreachable store only delays the admin.
            try AccountRules.validate(username: admin.username, email: admin.email, password: admin.password)
            let bootstrap = AdminBootstrap(admin: admin, users: services.users, logger: logger)
            if try await !bootstrap.attempt() { pendingAdmin = bootstrap }
        }

        let videoRooms = VideoRoomRegistry()
        let peerRelay = cluster.map {
            RedisPeerRelay(redis: $0.client, subscriber: $0.subscriber, node: $0.nodeID, keys: ClusterKeys(), logger: logger) as any PeerRelay
        }
        let peers = PeerSignalingServer(rooms: videoRooms, relay: peerRelay, logger: logger)
        let gateway = ChatGateway(
            io: io, services: services, videoRooms: videoRooms, settings: realtime, publicURL: configuration.publicURL, logger: logger,
            shared: clusterState.gateway)
        (events as? RedisEventBus)?.whenResubscribed { [gateway, clusterState] in
            await gateway.resyncEveryone()
            await clusterState.resubscribed()
        }
        let uploads = try uploadService(configuration: configuration, services: services, threadPool: threadPool, metrics: metrics, logger: logger)
        // Each dependency `/health/ready` waits for.
        var readiness: [any ReadinessCheck] = [StoreReadinessCheck(store: store)]
        if let cluster { readiness.append(RedisReadinessCheck(cluster: cluster)) }
        let router = try RouterBuilder.build(
            configuration: configuration, services: services, realtime: io, uploads: uploads, metrics: metrics, readiness: readiness,
            cluster: cluster)
        // One count of open connections for both listeners: they share the descriptor limit.
        let protection = HTTPServerProtection(limits: configuration.httpLimits)
        var app = Application(
            router: router,
            server: RealtimeUpgrader(engine: EngineWebSocketUpgrader([io.engine]), peers: peers)
                .serverBuilder(maxFrameSize: realtime.maxPayload, protection: protection),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Parley"),
            onServerRunning: { channel in await onServerRunning?(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        app.addServices(
            ShutdownService(store: store, threadPool: threadPool),
            GatewayService(gateway: gateway, peers: peers, bus: events))
        // After ShutdownService: shut down before it, while the thread pool still runs.
        if let cluster { app.addServices(ClusterShutdownService(link: cluster)) }
        if let pendingAdmin { app.addServices(pendingAdmin) }
        for service in clusterState.services(gateway: gateway) { app.addServices(service) }
        if let peerPort = realtime.peerServerPort {
            app.addServices(
                PeerServerListener.application(
                    peers: peers, host: configuration.host, port: peerPort, protection: protection, logger: logger))
        }
        return app
    }

    /// Starts libvips and libmagic (each once, here, and handed down) and prepares the upload
    /// folders, so a missing library database or an unwritable `UPLOAD_DIR` stops start-up.
    /// With GridFS, `UPLOAD_DIR` still holds `.tmp/`, where bodies are received and checked.
    static func uploadService(
        configuration: AppConfiguration, services: AppServices, threadPool: NIOThreadPool, metrics: AppMetrics, logger: Logger
    ) throws -> UploadService {
        let folder = services.uploadFolder
        try folder.prepare()
        logger.info("upload storage", metadata: ["storage": .string(configuration.uploadStorage.rawValue)])
        return UploadService(
            store: services.store, folder: folder, storage: services.uploadStorage, magic: try MagicPool(threadPool: threadPool),
            images: try ImageProcessor(threadPool: threadPool), limits: configuration.uploadLimits, metrics: metrics, logger: logger)
    }
}
