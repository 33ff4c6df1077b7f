/// A client connected to one namespace.
///
/// Event handlers run one at a time, in arrival order, for each connection: a handler's emits
/// leave before the next packet is handled, and a slow handler slows only its own connection.
/// A handler that waits for an acknowledgement from its own client must do so in a separate
/// `Task` (the ack arrives behind it, in the same order).
public final class SocketIOSocket: Sendable {
    public typealias EventHandler = @Sendable (_ args: [SocketIOValue], _ ack: SocketIOAck?) async -> Void
    public typealias DisconnectHandler = @Sendable (SocketIODisconnectReason) async -> Void
    typealias AckCallback = @Sendable (Result<[SocketIOValue], SocketIOAckError>) -> Void

    private struct State {
        var eventHandlers: [String: EventHandler] = [:]
        var anyHandlers: [@Sendable (String, [SocketIOValue]) async -> Void] = []
        var disconnectHandlers: [DisconnectHandler] = []
        var nextAckID = 0
        var pendingAcks: [Int: AckCallback] = [:]
        var connected = true
        /// Frames for this socket before its CONNECT reply went out (nil once it did): they
        /// follow the reply and anything replayed, in order.
        var pending: [EngineFrame]? = []
        var recovered = false
    }

    /// The Socket.IO socket id (not the Engine.IO sid); a recovered socket keeps its old one.
    public let id: String
    /// The private session id sent only to this client, which it shows to recover the session
    /// (nil when recovery is off).
    let pid: String?
    public let namespace: SocketIONamespace
    public let handshake: SocketIOHandshake
    public let data = SocketIOSocketData()
    let session: EngineSession
    private let ackTimeout: Duration
    private let state = Locked(State())
    private let onLeave: @Sendable (SocketIOSocket) -> Void

    init(
        id: String = SessionID.make(), pid: String?, namespace: SocketIONamespace, handshake: SocketIOHandshake,
        session: EngineSession, ackTimeout: Duration, onLeave: @escaping @Sendable (SocketIOSocket) -> Void
    ) {
        self.onLeave = onLeave
        self.id = id
        self.pid = pid
        self.namespace = namespace
        self.handshake = handshake
        self.session = session
        self.ackTimeout = ackTimeout
    }

    public var isConnected: Bool { state.withLock { $0.connected } }

    /// Whether this socket took over a session kept after its client lost its transport:
    /// same id, rooms and data, and the packets it missed were sent after the CONNECT reply.
    public var recovered: Bool { state.withLock { $0.recovered } }

    func markRecovered(data snapshot: [String: any Sendable]) {
        state.withLock { $0.recovered = true }
        data.restore(snapshot)
    }

    /// Whether the client behind this socket seems to have vanished without closing.
    public var isUnresponsive: Bool { session.isUnresponsive }

    // MARK: handlers

    public func on(_ event: String, _ handler: @escaping EventHandler) {
        state.withLock { $0.eventHandlers[event] = handler }
    }

    /// Sees every event, before its own handler.
    public func onAny(_ handler: @escaping @Sendable (String, [SocketIOValue]) async -> Void) {
        state.withLock { $0.anyHandlers.append(handler) }
    }

    public func onDisconnect(_ handler: @escaping DisconnectHandler) {
        state.withLock { $0.disconnectHandlers.append(handler) }
    }

    // MARK: emitting

    /// Emits to this socket alone. Unlike the reference, such an emit is not numbered for
    /// connection state recovery (that would make every emit wait for the adapter); to make
    /// one recoverable, broadcast it to the socket's own room: `namespace.to(socket.id)`.
    public func emit(_ event: String, _ args: SocketIOValue...) {
        emit(event, arguments: args)
    }

    public func emit(_ event: String, arguments: [SocketIOValue]) {
        namespace.metrics.eventEmitted(event)
        send(packet: SocketIOPacket(type: .event, namespace: namespace.name, data: .array([.string(event)] + arguments)))
    }

    /// Emits and calls `ack` with the client's answer, or with an error after `timeout`
    /// or when the socket disconnects first.
    public func emit(
        _ event: String, arguments: [SocketIOValue], timeout: Duration? = nil,
        ack: @escaping @Sendable (Result<[SocketIOValue], SocketIOAckError>) -> Void
    ) {
        let id: Int? = state.withLock { state in
            guard state.connected else { return nil }
            let id = state.nextAckID
            state.nextAckID += 1
            state.pendingAcks[id] = ack
            return id
        }
        guard let id else {
            ack(.failure(.disconnected))
            return
        }
        namespace.metrics.eventEmitted(event)
        let wait = timeout ?? ackTimeout
        Task { [weak self] in
            try? await Task.sleep(for: wait)
            self?.resolveAck(id: id, with: .failure(.timeout))
        }
        send(packet: SocketIOPacket(type: .event, namespace: namespace.name, ackID: id, data: .array([.string(event)] + arguments)))
    }

    public func emitWithAck(_ event: String, _ args: SocketIOValue..., timeout: Duration? = nil) async throws(SocketIOAckError)
        -> [SocketIOValue]
    {
        let result = await withCheckedContinuation { continuation in
            emit(event, arguments: args, timeout: timeout) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    /// Broadcast to a room from this socket: every member except this socket.
    public func to(_ room: String) -> SocketIOBroadcast {
        namespace.to(room).except(id)
    }

    func send(packet: SocketIOPacket) {
        send(frames: SocketIOPacketEncoder.encode(packet))
    }

    func send(frames: [EngineFrame]) {
        let overflowed = state.withLock { state -> Bool in
            guard state.connected else { return false }
            guard state.pending != nil else {
                // Under the lock, so that nothing overtakes what `open` is sending.
                session.send(frames)
                return false
            }
            state.pending?.append(contentsOf: frames)
            return (state.pending?.count ?? 0) > session.configuration.maxQueuedPackets
        }
        if overflowed { session.close(reason: .sendQueueOverflow) }
    }

    /// Sends the CONNECT reply, then what a recovered socket missed, then whatever was
    /// delivered meanwhile; later frames go straight out.
    func open(reply: [EngineFrame], missed: [[EngineFrame]]) {
        state.withLock { state in
            let held = state.pending ?? []
            state.pending = nil
            guard state.connected else { return }
            session.send(reply + missed.flatMap { $0 } + held)
        }
    }

    // MARK: rooms

    public func join(_ room: String) async {
        await namespace.adapter.join(socketID: id, rooms: [room])
    }

    public func leave(_ room: String) async {
        await namespace.adapter.leave(socketID: id, room: room)
    }

    public var rooms: Set<String> {
        get async { await namespace.adapter.rooms(of: id) }
    }

    // MARK: disconnect

    /// Leaves the namespace (DISCONNECT is sent, and the session is not kept for recovery);
    /// with `closeConnection`, the whole Engine.IO session is closed too.
    public func disconnect(closeConnection: Bool = false) async {
        send(packet: SocketIOPacket(type: .disconnect, namespace: namespace.name))
        await didDisconnect(reason: .serverNamespaceDisconnect)
        if closeConnection { session.close(reason: .forcedClose) }
    }

    // MARK: inbound (called by the connection, in order)


    func receive(_ packet: SocketIOPacket) async {
        switch packet.type {
        case .event, .binaryEvent:
            guard let args = packet.data?.arrayValue, let first = args.first else { return }
            let name = first.stringValue ?? first.jsonString
            let rest = Array(args.dropFirst())
            let ack = packet.ackID.map { SocketIOAck(socket: self, id: $0) }
            let (handler, anyHandlers) = state.withLock { ($0.eventHandlers[name], $0.anyHandlers) }
            let shared = handler == nil ? namespace.eventHandler(name) : nil
            namespace.metrics.eventReceived(name, handled: handler != nil || shared != nil)
            for anyHandler in anyHandlers { await anyHandler(name, rest) }
            if let handler {
                await handler(rest, ack)
            } else if let shared {
                await shared(self, rest, ack)
            }
        case .ack, .binaryAck:
            guard let id = packet.ackID else { return }
            resolveAck(id: id, with: .success(packet.data?.arrayValue ?? []))
        case .disconnect:
            await didDisconnect(reason: .clientNamespaceDisconnect)
        case .connect, .connectError:
            break
        }
    }

    private func resolveAck(id: Int, with result: Result<[SocketIOValue], SocketIOAckError>) {
        let callback = state.withLock { $0.pendingAcks.removeValue(forKey: id) }
        callback?(result)
    }

    /// Leaves the namespace once: pending acks fail, disconnect handlers run, the job queue ends.
    func didDisconnect(reason: SocketIODisconnectReason) async {
        let (wasConnected, acks, handlers) = state.withLock { state in
            defer {
                state.connected = false
                state.pendingAcks.removeAll()
            }
            return (state.connected, Array(state.pendingAcks.values), state.disconnectHandlers)
        }
        guard wasConnected else { return }
        for ack in acks { ack(.failure(.disconnected)) }
        // Rooms and data as they were when the transport went away (the reference takes them
        // before its disconnect handlers too).
        var kept: SocketIOPersistedSession?
        if reason.isRecoverable, namespace.recovery != nil, let pid {
            kept = SocketIOPersistedSession(sid: id, pid: pid, rooms: await rooms, data: data.snapshot)
        }
        await namespace.remove(self)
        onLeave(self)
        for handler in handlers { await handler(reason) }
        for handler in namespace.disconnectionHandlers() { await handler(self, reason) }
        // Handlers often capture the socket (or objects that hold it); dropping them breaks
        // those cycles so a disconnected socket is freed.
        state.withLock { state in
            state.eventHandlers.removeAll()
            state.anyHandlers.removeAll()
            state.disconnectHandlers.removeAll()
        }
        // Kept last: a client may take its id over only once the handlers have let go of it.
        // What was broadcast meanwhile is in the adapter's log, so nothing is lost.
        if let kept { await namespace.adapter.persistSession(kept) }
    }
}
