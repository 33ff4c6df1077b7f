import Foundation
import Hummingbird
import Logging
import NIOPosix
import ParleyStore
import SocketIO

/// Builds a runnable Parley application from a configuration: opens the store, creates the
/// first administrator when asked to (later, if the store is not reachable yet), and wires
/// services, routes and shutdown.
public enum ApplicationBuilder {
    public static func build(
        configuration: AppConfiguration, logger: Logger, events: any EventBus = InProcessEventBus(),
        onServerRunning: (@Sendable (Int) async -> Void)? = nil
    ) async throws -> some ApplicationProtocol {
        let store = try await StoreFactory.open(configuration.store, logger: logger)
        let threadPool = NIOThreadPool(numberOfThreads: max(2, ProcessInfo.processInfo.activeProcessorCount))
        threadPool.start()
        let realtime = configuration.realtime
        let io = SocketIOServer(
            configuration: SocketIOConfiguration(
                engine: EngineConfiguration(
                    path: "/socket.io/", pingInterval: realtime.pingInterval, pingTimeout: realtime.pingTimeout,
                    maxPayload: realtime.maxPayload, maxQueuedPackets: realtime.maxQueuedPackets,
                    // The router's CORS middleware answers for the polling routes too.
                    corsOrigin: nil),
                recovery: realtime.recoveryWindow > .zero
                    // A replay goes through the connection's send queue: keep it well inside.
                    ? SocketIORecoveryConfiguration(window: realtime.recoveryWindow, maxSessionPackets: max(1, realtime.maxQueuedPackets / 2))
                    : nil))
        let services = await AppServices(
            configuration: configuration, store: store, threadPool: threadPool, logger: logger, events: events, connections: io)

        var pendingAdmin: AdminBootstrap?
        if let admin = configuration.admin {
            // Bad settings stop start-up; an unreachable store only delays the admin.
            try AccountRules.validate(username: admin.username, email: admin.email, password: admin.password)
            let bootstrap = AdminBootstrap(admin: admin, users: services.users, logger: logger)
            if try await !bootstrap.attempt() { pendingAdmin = bootstrap }
        }

        let videoRooms = VideoRoomRegistry()
        let peers = PeerSignalingServer(rooms: videoRooms, logger: logger)
        let gateway = ChatGateway(
            io: io, services: services, videoRooms: videoRooms, settings: realtime, publicURL: configuration.publicURL, logger: logger)
        let uploads = try uploadService(configuration: configuration, store: store, threadPool: threadPool, logger: logger)
        let router = try RouterBuilder.build(configuration: configuration, services: services, realtime: io, uploads: uploads)
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
        if let pendingAdmin { app.addServices(pendingAdmin) }
        if let peerPort = realtime.peerServerPort {
            app.addServices(
                PeerServerListener.application(
                    peers: peers, host: configuration.host, port: peerPort, protection: protection, logger: logger))
        }
        return app
    }

    /// Starts libvips and libmagic (each once, here, and handed down) and prepares the upload
    /// folders, so a missing library database or an unwritable `UPLOAD_DIR` stops start-up.
    static func uploadService(
        configuration: AppConfiguration, store: any Store, threadPool: NIOThreadPool, logger: Logger
    ) throws -> UploadService {
        let folder = UploadFolder(root: configuration.uploadDirectory, threadPool: threadPool)
        try folder.prepare()
        return UploadService(
            store: store, folder: folder, magic: try MagicPool(threadPool: threadPool),
            images: try ImageProcessor(threadPool: threadPool), limits: configuration.uploadLimits, logger: logger)
    }
}
