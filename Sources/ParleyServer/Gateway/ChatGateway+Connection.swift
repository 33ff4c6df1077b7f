import ParleyCore
import SocketIO
import Synchronization

extension ChatGateway {
    static let noToken = "Authentication error: No token provided"
    static let invalidToken = "Authentication error: Invalid token"
    static let inactiveUser = "Authentication error: User not found or inactive"

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
        if let token = handshake.auth["token"]?.stringValue?.trimmingCharacters(in: .whitespaces), !token.isEmpty {
            return token
        }
        if let header = handshake.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = header.dropFirst("Bearer ".count).trimmingCharacters(in: .whitespaces)
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
        let access: GatewayAccess.Rooms
        do {
            access = try await GatewayAccess(channels: channels).rooms(for: principal)
        } catch {
            logger.error("could not load a socket's rooms", metadata: ["error": .string("\(error)")])
            return
        }
        await namespace.adapter.join(socketID: socket.id, rooms: access.rooms.union([GatewayRoom.user(user.id)]))
        let session = GatewaySession(socket: socket, principal: principal, authSessionId: pending.sessionId, settings: settings)
        sessions.withLock { $0[socket.id] = session }
        session.cameOnline = presence.connect(principal, socketID: socket.id, groups: access.groups)
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
        socket.emit("online_users_count", ["count": .number(Double(presence.onlineCount))])
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
        if let last = presence.disconnect(userId: session.userId, socketID: session.socket.id) {
            await announcePresence(of: session, groups: last.groups, status: "offline", currentChannel: nil)
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
