/// A Socket.IO namespace: its handlers, its connected sockets and its room adapter.
public final class SocketIONamespace: Sendable {
    public typealias Authorizer = @Sendable (SocketIOHandshake) async -> SocketIOConnectDecision
    public typealias ConnectionHandler = @Sendable (SocketIOSocket) async -> Void
    public typealias EventHandler = @Sendable (SocketIOSocket, _ args: [SocketIOValue], _ ack: SocketIOAck?) async -> Void
    public typealias DisconnectHandler = @Sendable (SocketIOSocket, SocketIODisconnectReason) async -> Void
    /// The rooms a recovering socket may keep, or nil to give it a new session instead.
    public typealias RecoveryCheck = @Sendable (SocketIOHandshake, SocketIOPersistedSession) async -> Set<String>?

    private struct Handlers {
        var authorizers: [Authorizer] = []
        var preparation: [ConnectionHandler] = []
        var connection: [ConnectionHandler] = []
        var events: [String: EventHandler] = [:]
        var disconnection: [DisconnectHandler] = []
        var recoveryChecks: [RecoveryCheck] = []
    }

    public let name: String
    public let adapter: any SocketIOAdapter
    /// The server's recovery settings (nil: off).
    public let recovery: SocketIORecoveryConfiguration?
    let metrics: SocketIOMetrics
    private let handlers = Locked(Handlers())
    private let sockets = Locked<[String: SocketIOSocket]>([:])
    /// Socket ids by private session id, to find a connection its client has already left.
    private let socketIDsByPID = Locked<[String: String]>([:])

    init(name: String, adapter: any SocketIOAdapter, recovery: SocketIORecoveryConfiguration?, metrics: SocketIOMetrics = SocketIOMetrics()) {
        self.name = name
        self.adapter = adapter
        self.recovery = recovery
        self.metrics = metrics
        adapter.start(recovery: recovery) { [weak self] socketID, frames in
            guard let socket = self?.socket(id: socketID) else { return }
            metrics.fanOutDelivered()
            socket.send(frames: frames)
        }
    }

    /// Adds a connect-time check; the first refusal wins and is sent as CONNECT_ERROR.
    public func authorize(_ authorizer: @escaping Authorizer) {
        handlers.withLock { $0.authorizers.append(authorizer) }
    }

    /// Decides what a recovering socket keeps, once the authorizers accepted its client: the
    /// rooms of its kept session it may still be in (its own id is always kept), or nil to
    /// give it a new session. Only packets addressed to the kept rooms are replayed. Without
    /// a check every room is kept, as in the reference.
    public func checkRecovery(_ check: @escaping RecoveryCheck) {
        handlers.withLock { $0.recoveryChecks.append(check) }
    }

    /// Called for every accepted socket before the CONNECT reply is sent: the place to join
    /// rooms and register event handlers, so that anything broadcast once the client knows it
    /// is connected reaches it. Emit nothing here (the client is not connected yet).
    public func beforeConnect(_ handler: @escaping ConnectionHandler) {
        handlers.withLock { $0.preparation.append(handler) }
    }

    /// Called for every accepted socket, after the CONNECT reply was sent.
    public func onConnection(_ handler: @escaping ConnectionHandler) {
        handlers.withLock { $0.connection.append(handler) }
    }

    /// Handles `event` from every socket of the namespace that has no handler of its own for
    /// it. Registered once instead of once per socket, so an idle socket holds no closures.
    public func on(_ event: String, _ handler: @escaping EventHandler) {
        handlers.withLock { $0.events[event] = handler }
    }

    /// Called for every socket that leaves the namespace, after its own disconnect handlers.
    public func onDisconnect(_ handler: @escaping DisconnectHandler) {
        handlers.withLock { $0.disconnection.append(handler) }
    }

    public func socket(id: String) -> SocketIOSocket? {
        sockets.withLock { $0[id] }
    }

    public var allSockets: [SocketIOSocket] { sockets.withLock { Array($0.values) } }

    public var socketCount: Int { sockets.withLock { $0.count } }

    // MARK: broadcasting

    public func to(_ room: String) -> SocketIOBroadcast { SocketIOBroadcast(namespace: self).to(room) }

    /// A broadcast kept to this process's sockets (see `SocketIOBroadcast.local`).
    public var local: SocketIOBroadcast { SocketIOBroadcast(namespace: self).local }

    public func except(_ roomOrSocketID: String) -> SocketIOBroadcast {
        SocketIOBroadcast(namespace: self).except(roomOrSocketID)
    }

    /// Emits to every socket of the namespace.
    public func emit(_ event: String, _ args: SocketIOValue...) async {
        await SocketIOBroadcast(namespace: self).emit(event, arguments: args)
    }

    // MARK: life cycle (driven by the connection)

    func authorize(_ handshake: SocketIOHandshake) async -> SocketIOConnectDecision {
        for authorizer in handlers.withLock({ $0.authorizers }) {
            let decision = await authorizer(handshake)
            if decision != .accept { return decision }
        }
        return .accept
    }

    /// Registers the socket and puts it in its own room; false when a socket with that id is
    /// already there (two clients claiming one recovered session: only the first gets it).
    func add(_ socket: SocketIOSocket) async -> Bool {
        let added = sockets.withLock { sockets in
            guard sockets[socket.id] == nil else { return false }
            sockets[socket.id] = socket
            return true
        }
        guard added else { return false }
        if let pid = socket.pid { socketIDsByPID.withLock { $0[pid] = socket.id } }
        await adapter.join(socketID: socket.id, rooms: [socket.id])
        return true
    }

    /// The connected socket holding this private session id.
    func socket(pid: String) -> SocketIOSocket? {
        socketIDsByPID.withLock { $0[pid] }.flatMap(socket(id:))
    }

    /// The rooms a recovering socket keeps: those every check allows, its own id always.
    func roomsToKeep(_ session: SocketIOPersistedSession, handshake: SocketIOHandshake) async -> Set<String>? {
        var rooms = session.rooms
        for check in handlers.withLock({ $0.recoveryChecks }) {
            guard let allowed = await check(handshake, session) else { return nil }
            rooms.formIntersection(allowed)
        }
        return rooms.union([session.sid])
    }

    func connectionHandlers() -> [ConnectionHandler] {
        handlers.withLock { $0.connection }
    }

    func eventHandler(_ event: String) -> EventHandler? {
        handlers.withLock { $0.events[event] }
    }

    func disconnectionHandlers() -> [DisconnectHandler] {
        handlers.withLock { $0.disconnection }
    }

    func preparationHandlers() -> [ConnectionHandler] {
        handlers.withLock { $0.preparation }
    }

    func remove(_ socket: SocketIOSocket) async {
        let removed = sockets.withLock { sockets in
            guard sockets[socket.id] === socket else { return false }
            sockets[socket.id] = nil
            return true
        }
        if removed, let pid = socket.pid { socketIDsByPID.withLock { if $0[pid] == socket.id { $0[pid] = nil } } }
        await adapter.leaveAll(socketID: socket.id)
    }
}
