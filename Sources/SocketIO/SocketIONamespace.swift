/// A Socket.IO namespace: its handlers, its connected sockets and its room adapter.
public final class SocketIONamespace: Sendable {
    public typealias Authorizer = @Sendable (SocketIOHandshake) async -> SocketIOConnectDecision
    public typealias ConnectionHandler = @Sendable (SocketIOSocket) async -> Void

    private struct Handlers {
        var authorizers: [Authorizer] = []
        var preparation: [ConnectionHandler] = []
        var connection: [ConnectionHandler] = []
    }

    public let name: String
    public let adapter: any SocketIOAdapter
    private let handlers = Locked(Handlers())
    private let sockets = Locked<[String: SocketIOSocket]>([:])

    init(name: String, adapter: any SocketIOAdapter) {
        self.name = name
        self.adapter = adapter
        adapter.start { [weak self] socketID, frames in
            self?.socket(id: socketID)?.send(frames: frames)
        }
    }

    /// Adds a connect-time check; the first refusal wins and is sent as CONNECT_ERROR.
    public func authorize(_ authorizer: @escaping Authorizer) {
        handlers.withLock { $0.authorizers.append(authorizer) }
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

    public func socket(id: String) -> SocketIOSocket? {
        sockets.withLock { $0[id] }
    }

    public var allSockets: [SocketIOSocket] { sockets.withLock { Array($0.values) } }

    public var socketCount: Int { sockets.withLock { $0.count } }

    // MARK: broadcasting

    public func to(_ room: String) -> SocketIOBroadcast { SocketIOBroadcast(namespace: self).to(room) }

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

    func add(_ socket: SocketIOSocket) async {
        sockets.withLock { $0[socket.id] = socket }
        await adapter.join(socketID: socket.id, rooms: [socket.id])
    }

    func connectionHandlers() -> [ConnectionHandler] {
        handlers.withLock { $0.connection }
    }

    func preparationHandlers() -> [ConnectionHandler] {
        handlers.withLock { $0.preparation }
    }

    func remove(_ socket: SocketIOSocket) async {
        sockets.withLock { $0[socket.id] = nil }
        await adapter.leaveAll(socketID: socket.id)
    }
}
