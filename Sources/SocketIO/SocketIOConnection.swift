import Foundation
import NIOCore

/// The Socket.IO side of one Engine.IO session: decodes packets, runs CONNECT, routes the
/// rest to the namespace sockets. Any decode error closes the session at once.
final class SocketIOConnection: Sendable {
    let session: EngineSession
    private unowned let server: SocketIOServer
    private let state = Locked(SocketIOConnectionState())

    /// When the session must have joined a namespace; nil once that was checked.
    private let connectDeadline: Locked<ContinuousClock.Instant?>

    init(session: EngineSession, server: SocketIOServer, connectDeadline: ContinuousClock.Instant) {
        self.session = session
        self.server = server
        self.connectDeadline = Locked(connectDeadline)
    }

    /// Closes the session if it has joined no namespace by its deadline (checked once).
    func enforceConnectDeadline(at now: ContinuousClock.Instant) {
        let due = connectDeadline.withLock { deadline -> Bool in
            guard let current = deadline, now >= current else { return false }
            deadline = nil
            return true
        }
        if due, !hasSockets { session.close(reason: .forcedClose) }
    }

    var hasSockets: Bool { state.withLock { $0.hasSockets } }

    func receive(_ message: EnginePacket.Payload) async {
        let packet: SocketIOPacket?
        do throws(SocketIODecodingError) {
            switch message {
            case .text(let text):
                let header = try SocketIOPacketDecoder.decode(
                    Substring(text), maxAttachments: server.configuration.maxAttachments
                )
                packet = try state.withLock { state throws(SocketIODecodingError) in
                    try state.reassembler.receive(header: header)
                }
            case .binary(let buffer):
                let data = Data(buffer.readableBytesView)
                packet = try state.withLock { state throws(SocketIODecodingError) in
                    try state.reassembler.receive(attachment: data)
                }
            }
        } catch {
            session.close(reason: .parseError)
            return
        }
        guard let packet else { return }
        await dispatch(packet)
    }

    private func dispatch(_ packet: SocketIOPacket) async {
        switch state.withLock({ $0.route(packet) }) {
        case .connect:
            await connect(packet)
        case .socket(let socket):
            await socket.receive(packet)
        case .ignore:
            break
        case .close:
            session.close(reason: .parseError)
        }
    }

    private func connect(_ packet: SocketIOPacket) async {
        let name = packet.namespace
        guard let namespace = server.existingNamespace(name) else {
            send(SocketIOPacket(type: .connectError, namespace: name, data: ["message": "Invalid namespace"]))
            return
        }
        let handshake = SocketIOHandshake(
            request: session.handshake, auth: packet.data ?? .object([:]), namespace: name, engineSessionID: session.id
        )
        let claim = namespace.recovery == nil ? nil : SocketIORecoveryClaim(auth: handshake.auth)
        var kept: SocketIOPersistedSession?
        if let claim { kept = await namespace.adapter.recoverableSession(pid: claim.pid, offset: claim.offset) }
        if kept == nil || namespace.recovery?.skipsAuthorization != true,
            case .refuse(let message, let data) = await namespace.authorize(handshake)
        {
            var payload: [String: SocketIOValue] = ["message": .string(message)]
            if let data { payload["data"] = data }
            send(SocketIOPacket(type: .connectError, namespace: name, data: .object(payload)))
            return
        }
        if let claim, kept == nil { kept = await takeOver(claim, namespace: namespace) }
        var recovered: (socket: SocketIOSocket, missed: [[EngineFrame]])?
        if let claim, let kept { recovered = await recover(kept, claim: claim, namespace: namespace, handshake: handshake) }
        let socket = recovered?.socket ?? makeSocket(id: SessionID.make(), pid: namespace.recovery.map { _ in SessionID.make() }, namespace, handshake)
        guard state.withLock({ $0.added(socket) }) else {
            if recovered != nil { await namespace.remove(socket) }
            return
        }
        if recovered == nil { _ = await namespace.add(socket) }
        for handler in namespace.preparationHandlers() { await handler(socket) }
        // The CONNECT reply goes out before anything replayed or emitted by the handlers.
        var reply: [String: SocketIOValue] = ["sid": .string(socket.id)]
        if let pid = socket.pid { reply["pid"] = .string(pid) }
        socket.open(reply: SocketIOPacketEncoder.encode(SocketIOPacket(type: .connect, namespace: name, data: .object(reply))), missed: recovered?.missed ?? [])
        let handlers = namespace.connectionHandlers()
        for handler in handlers { await handler(socket) }
    }

    /// A claimed session whose socket is still connected here: its client has already found
    /// that connection dead (only it knows the pid) while the server has not noticed yet (it
    /// would after the ping timeout). That connection is closed as a lost transport, and its
    /// session recovered from. Nil when there is no such socket.
    private func takeOver(_ claim: SocketIORecoveryClaim, namespace: SocketIONamespace) async -> SocketIOPersistedSession? {
        guard let stale = namespace.socket(pid: claim.pid), stale.session !== session else { return nil }
        await stale.didDisconnect(reason: .transportClose)
        stale.session.close(reason: .transportClose)
        return await namespace.adapter.recoverableSession(pid: claim.pid, offset: claim.offset)
    }

    /// Takes over a kept session: the socket gets its old id, pid and data, is registered
    /// (holding what is delivered to it) and joins the rooms the namespace lets it keep, in
    /// the step that computes what it missed. Nil (a new session) when the namespace refuses,
    /// another client claimed the session first, or it can no longer be recovered.
    private func recover(
        _ kept: SocketIOPersistedSession, claim: SocketIORecoveryClaim, namespace: SocketIONamespace, handshake: SocketIOHandshake
    ) async -> (socket: SocketIOSocket, missed: [[EngineFrame]])? {
        guard let rooms = await namespace.roomsToKeep(kept, handshake: handshake) else { return nil }
        let socket = makeSocket(id: kept.sid, pid: kept.pid, namespace, handshake)
        guard await namespace.add(socket) else { return nil }
        guard let missed = await namespace.adapter.restoreSession(pid: claim.pid, offset: claim.offset, socketID: kept.sid, rooms: rooms) else {
            await namespace.remove(socket)
            return nil
        }
        socket.markRecovered(data: kept.data)
        return (socket, missed)
    }

    private func makeSocket(id: String, pid: String?, _ namespace: SocketIONamespace, _ handshake: SocketIOHandshake) -> SocketIOSocket {
        SocketIOSocket(
            id: id, pid: pid, namespace: namespace, handshake: handshake, session: session,
            ackTimeout: server.configuration.ackTimeout,
            onLeave: { [weak self] socket in
                self?.state.withLock { $0.removed(namespace: socket.namespace.name, id: socket.id) }
            }
        )
    }

    private func send(_ packet: SocketIOPacket) {
        session.send(SocketIOPacketEncoder.encode(packet))
    }

    func closed(reason: EngineCloseReason) async {
        let sockets = state.withLock { $0.close() }
        for socket in sockets {
            await socket.didDisconnect(reason: SocketIODisconnectReason(reason))
        }
    }
}
