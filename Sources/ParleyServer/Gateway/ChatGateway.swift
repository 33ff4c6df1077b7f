import Logging
import ParleyCore
import SocketIO
import Synchronization

/// The chat events of spec/realtime.md A2 on the default namespace, under COMPATIBILITY.md
/// "Realtime": authentication at CONNECT, rooms per user, group and channel, presence across
/// a user's sockets, typing with expiry, and every payload checked. Messages go through the
/// same `MessageService` as REST; deliveries come back through the event bus.
public final class ChatGateway: Sendable {
    let namespace: SocketIONamespace
    let auth: AuthService
    let channels: ChannelService
    let messages: MessageService
    let calls: VideoCallService
    let callRoutes: CallRouter
    /// Where each live call's two sockets are, on this node or another.
    let callSockets: any CallSocketDirectory
    let videoRooms: VideoRoomRegistry
    /// The video rooms of every node (this node's registry when it runs alone).
    let videoRoomDirectory: any VideoRoomDirectory
    let settings: RealtimeSettings
    /// `PUBLIC_URL`, for telling this server's upload URLs from others in messages.
    let publicURL: String?
    let logger: Logger
    /// This node's sockets, by user.
    let presence: PresenceRegistry
    /// Presence across every node (this node's registry when it runs alone).
    let directory: any PresenceDirectory
    let typing: TypingTracker
    let sessions = Mutex<[String: GatewaySession]>([:])
    /// Users accepted at CONNECT, by Engine.IO session, until their socket is counted present
    /// (they count toward the per-user cap meanwhile), with the auth session of their token.
    let pendingUsers = Mutex<[String: PendingUser]>([:])
    /// Set when someone came or went; the periodic loop then broadcasts the count once.
    let onlineCountChanged = Atomic<Bool>(false)

    /// A user may hold this many sockets at once (tabs, components, devices).
    static let maximumSocketsPerUser = 32

    init(
        io: SocketIOServer, services: AppServices, videoRooms: VideoRoomRegistry, settings: RealtimeSettings, publicURL: String?,
        logger: Logger, shared: GatewaySharedState = .solo()
    ) {
        self.namespace = io.namespace("/")
        self.auth = services.auth
        self.channels = services.channels
        self.messages = services.messages
        self.calls = services.calls
        self.videoRooms = videoRooms
        self.presence = shared.presence
        self.directory = shared.directory
        self.callRoutes = shared.callRoutes
        self.callSockets = shared.callSockets
        self.videoRoomDirectory = shared.videoRooms(videoRooms)
        self.settings = settings
        self.publicURL = publicURL
        self.logger = logger
        self.typing = TypingTracker(expiry: settings.typingExpiry)
        namespace.authorize { [weak self] handshake in
            await self?.authorize(handshake) ?? .refuse(message: "Server is shutting down")
        }
        namespace.checkRecovery { [weak self] handshake, kept in
            await self?.roomsToKeep(handshake, kept)
        }
        namespace.beforeConnect { [weak self] socket in
            await self?.prepare(socket)
        }
        namespace.onConnection { [weak self] socket in
            await self?.connected(socket)
        }
        namespace.onDisconnect { [weak self] socket, _ in
            guard let self, let session = self.session(socket.id) else { return }
            await self.disconnected(session)
        }
        registerChannelEvents()
        registerMessageEvents()
        registerPresenceEvents()
        registerCallEvents()
        registerVideoRoomEvents()
    }

    func session(_ socketID: String) -> GatewaySession? {
        sessions.withLock { $0[socketID] }
    }

    func sessions(ofUser userId: ObjectId) -> [GatewaySession] {
        let ids = presence.sockets(of: userId)
        return sessions.withLock { sessions in ids.compactMap { sessions[$0] } }
    }

    /// Registers a client event for every socket of the namespace (once, not per socket):
    /// the socket's session, its rate limit, then the handler; a refusal becomes an `error`
    /// event and, when the client asked for one, a `{success:false,message}` acknowledgement.
    func on(
        _ event: String, limit: GatewayLimit, errorEvent: String = "error",
        _ handler: @escaping @Sendable (GatewaySession, [SocketIOValue]) async throws -> SocketIOValue?
    ) {
        namespace.on(event) { [weak self] socket, args, ack in
            guard let self, let session = self.session(socket.id) else { return }
            do {
                guard session.allow(limit) else { throw GatewayError.tooFast }
                let result = try await handler(session, args)
                ack?(result ?? ["success": true])
            } catch {
                let message = self.describe(error, event: event, session: session)
                session.socket.emit(errorEvent, ["message": .string(message)])
                ack?(["success": false, "message": .string(message)])
            }
        }
    }

    /// The message a client sees for a failed event. Store and other unexpected failures are
    /// logged and answered generically, as the old server's "Failed to …" messages were.
    private func describe(_ error: any Error, event: String, session: GatewaySession) -> String {
        switch error {
        case let error as GatewayError: return error.message
        case let error as DomainError: return error.message
        default:
            logger.error(
                "socket event failed",
                metadata: ["event": .string(event), "user_id": .string(session.userId.hexString), "error": .string("\(error)")])
            return "Failed to handle \(event)"
        }
    }

    /// The first argument as a checked JSON body.
    func body(_ args: [SocketIOValue]) throws -> JSONBody {
        try GatewayPayload.body(args, maxBytes: settings.maxEventBytes)
    }
}
