import ParleyCore
import SocketIO
import Synchronization

extension ChatGateway {
    static let noToken = "Authentication error: No token provided"
    static let invalidToken = "Authentication error: Invalid token"
    static let inactiveUser = "Authentication error: User not found or inactive"
    /// The socket data key holding the user id (compared when a session is recovered).
    static let userKey = "parley.userId"

    /// CONNECT: the token from `auth.token`, else `Authorization: Bearer`; the old server's
    /// three refusal messages, word for word. Refresh tokens are refused (they are signed
    /// with another secret).
    func authorize(_ handshake: SocketIOHandshake) async -> SocketIOConnectDecision {
        guard let token = Self.token(in: handshake) else { return .refuse(message: Self.noToken) }
        let check: AccessTokenCheck
        do {
            check = try await auth.check(accessToken: token)
        } catch {
            logger.error("socket authentication failed", metadata: ["error": .string("\(error)")])
            return .refuse(message: Self.invalidToken)
        }
        switch check {
        case .invalidToken: return .refuse(message: Self.invalidToken)
        case .unknownUser, .inactiveUser: return .refuse(message: Self.inactiveUser)
        case .valid(let user, let sessionId):
            guard await admit(user, sessionId: sessionId, engineSessionID: handshake.engineSessionID) else {
                return .refuse(message: "Too many connections for this user")
            }
            return .accept
        }
    }

    static func token(in handshake: SocketIOHandshake) -> String? {
        if let token = handshake.auth["token"]?.stringValue?.trimmingWhitespace, !token.isEmpty {
            return token
        }
        if let header = handshake.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = header.dropFirst("Bearer ".count).trimmingWhitespace
            if !token.isEmpty { return token }
        }
        return nil
    }

    /// A socket was accepted, before its CONNECT reply: join its rooms, count it present and
    /// open its session (the namespace-wide event handlers find it by socket id). Done before
    /// the reply so that whatever is broadcast once the client sees itself connected reaches
    /// it. Nothing is emitted here.
    func prepare(_ socket: SocketIOSocket) async {
        let engineSessionID = socket.handshake.engineSessionID
        guard let pending = pendingUsers.withLock({ $0[engineSessionID] }) else { return }
        // The approval keeps counting toward the cap until the socket is counted present.
        defer { pendingUsers.withLock { _ = $0.removeValue(forKey: engineSessionID) } }
        let user = pending.user
        let principal = Principal(user: user)
        var loaded = pending.access
        if loaded == nil { loaded = await readableRooms(of: principal) }
        guard let access = loaded else { return }
        // Whose socket this is, kept with its session if it loses its transport.
        socket.data[Self.userKey] = user.id.hexString
        await namespace.adapter.join(socketID: socket.id, rooms: access.rooms.union([GatewayRoom.user(user.id)]))
        let session = GatewaySession(socket: socket, principal: principal, authSessionId: pending.sessionId, settings: settings)
        sessions.withLock { $0[socket.id] = session }
        let firstHere = presence.connect(principal, socketID: socket.id, groups: access.groups)
        if let entry = presence.entry(user.id) {
            session.cameOnline = await directory.connected(user.id, socketID: socket.id, entry: entry, firstHere: firstHere)
        }
    }

    /// A socket taking over a session kept after its transport dropped (connection state
    /// recovery). Its token was checked by `authorize` like any other; the session must be the
    /// same user's, and it keeps only the rooms that user may read now (and their own room), so
    /// nothing is replayed from a channel they lost meanwhile. Video rooms are not kept: the
    /// socket's peers were removed from them when it dropped. Nil: a new session instead.
    func roomsToKeep(_ handshake: SocketIOHandshake, _ kept: SocketIOPersistedSession) async -> Set<String>? {
        guard let pending = pendingUsers.withLock({ $0[handshake.engineSessionID] }),
            kept.data[Self.userKey] as? String == pending.user.id.hexString,
            let access = await readableRooms(of: Principal(user: pending.user))
        else { return nil }
        pendingUsers.withLock { $0[handshake.engineSessionID]?.access = access }
        return access.rooms.union([GatewayRoom.user(pending.user.id)])
    }

    private func readableRooms(of principal: Principal) async -> GatewayAccess.Rooms? {
        do {
            return try await GatewayAccess(channels: channels).rooms(for: principal)
        } catch {
            logger.error("could not load a socket's rooms", metadata: ["error": .string("\(error)")])
            return nil
        }
    }

    /// After the CONNECT reply: tell the user's groups they came online, and the socket how
    /// many users are online (the last thing a new socket hears of its connection).
    func connected(_ socket: SocketIOSocket) async {
        guard let session = session(socket.id) else {
            socket.emit("error", ["message": "Failed to load your channels"])
            await socket.disconnect()
            return
        }
        if session.cameOnline {
            await announcePresence(of: session, groups: presence.entry(session.userId)?.groups ?? [], status: "online", currentChannel: nil)
        }
        // Through the socket's own room, as a broadcast, so that it carries a recovery offset:
        // a client that hears nothing else before its connection drops can still recover.
        await namespace.local.to(socket.id).emit("online_users_count", ["count": .number(Double(await directory.onlineCount()))])
        onlineCountChanged.store(true, ordering: .relaxed)
    }

    func disconnected(_ session: GatewaySession) async {
        sessions.withLock { _ = $0.removeValue(forKey: session.socket.id) }
        for typist in typing.removeAll(socketID: session.socket.id) {
            await emitStoppedTyping(typist)
        }
        await leaveVideoRooms(of: session)
        await hangUpCalls(of: session)
        if let current = session.currentChannel {
            await announceLeft(session, channelId: current.id.hexString, room: current.room)
        }
        let last = presence.disconnect(userId: session.userId, socketID: session.socket.id)
        if await directory.disconnected(session.userId, socketID: session.socket.id, lastHere: last != nil) {
            await announcePresence(of: session, groups: last?.groups ?? [], status: "offline", currentChannel: nil)
        }
        onlineCountChanged.store(true, ordering: .relaxed)
    }

    /// Drops CONNECT approvals whose socket never appeared (the client went away between the
    /// two steps).
    func forgetStalePendingUsers(olderThan age: Duration = .seconds(60)) {
        let limit = ContinuousClock.now - age
        pendingUsers.withLock { pending in pending = pending.filter { $0.value.since > limit } }
    }
}
