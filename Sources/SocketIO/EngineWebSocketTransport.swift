import NIOCore

/// Carries one Engine.IO session over one WebSocket, without a task of its own while idle.
///
/// Outbound: the transport offers the session a one-shot writer; the session hands it the
/// queued frames, which are written and flushed together, and the writer is offered again
/// once they are on the wire and the socket is writable. While the socket is not writable,
/// frames wait in the session's bounded queue, which closes the session on overflow.
///
/// Inbound: heartbeat and upgrade packets are handled on the event loop. `message` packets
/// go to the session's delegate, which may suspend, so they are delivered in order by a task
/// that exists only while there is something to deliver; reading pauses while it has a
/// backlog.
final class EngineWebSocketTransport: WebSocketConnectionDelegate {
    private struct State {
        var pending: [EnginePacket] = []
        var draining = false
        var readingPaused = false
        var waitingForWritable = false
    }

    /// Packets waiting for delivery before the socket stops being read.
    private static let maxPending = 64

    private let connection: WebSocketConnection
    private let session: EngineSession
    private let webSocketID: Int
    private let delegate: any EngineSessionDelegate
    private let spacing: TimeAmount?
    private let state = Locked(State())

    init(
        connection: WebSocketConnection, session: EngineSession, webSocketID: Int,
        delegate: any EngineSessionDelegate, spacing: TimeAmount?
    ) {
        self.connection = connection
        self.session = session
        self.webSocketID = webSocketID
        self.delegate = delegate
        self.spacing = spacing
    }

    func start() {
        offerWriter()
    }

    // MARK: outbound

    private func offerWriter() {
        session.nextWebSocketFrames(webSocketID: webSocketID, writer: EngineWebSocketWriter { [self] frames in
            write(frames)
        })
    }

    private func write(_ frames: [EngineFrame]?) {
        guard let frames else {
            // The session closed, or it let this WebSocket go (an abandoned probe).
            connection.close()
            return
        }
        connection.write(frames, spacing: spacing) { [self] written in
            guard written else {
                session.close(reason: .transportError)
                return
            }
            session.webSocketFramesWritten(webSocketID: webSocketID)
            if let spacing {
                // Spaced frames stay spaced across batches too.
                connection.channel.eventLoop.scheduleTask(in: spacing) { self.offerWriter() }
            } else if connection.isWritable {
                offerWriter()
            } else {
                state.withLock { $0.waitingForWritable = true }
            }
        }
    }

    func webSocketDidBecomeWritable(_ connection: WebSocketConnection) {
        let waiting = state.withLock { state in
            defer { state.waitingForWritable = false }
            return state.waitingForWritable
        }
        if waiting { offerWriter() }
    }

    // MARK: inbound

    func webSocket(_ connection: WebSocketConnection, didReceive payload: WebSocketPayload) {
        let packet: EnginePacket
        switch payload {
        case .text(let buffer):
            guard let decoded = try? EnginePacket.decode(text: Substring(String(buffer: buffer))) else {
                session.close(reason: .parseError)
                return
            }
            packet = decoded
        case .binary(let buffer):
            packet = EnginePacket(binary: buffer)
        }
        let action = state.withLock { state -> InboundAction in
            // Heartbeats and upgrade steps are answered here, unless messages are still being
            // delivered: they must not overtake a message that arrived before them.
            if !state.draining, packet.type != .message { return .handleNow }
            state.pending.append(packet)
            if state.pending.count >= Self.maxPending, !state.readingPaused {
                state.readingPaused = true
                connection.channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in }
            }
            if state.draining { return .queued }
            state.draining = true
            return .startDelivery
        }
        switch action {
        case .handleNow: session.receiveControl(packet, webSocketID: webSocketID)
        case .startDelivery: Task { await drain() }
        case .queued: break
        }
    }

    private enum InboundAction { case handleNow, startDelivery, queued }

    private func drain() async {
        while let packet = nextPending() {
            await session.receive(packet, webSocketID: webSocketID, delegate: delegate)
            if session.isClosed {
                state.withLock { $0.pending.removeAll() }
            }
        }
    }

    private func nextPending() -> EnginePacket? {
        let (packet, resume) = state.withLock { state -> (EnginePacket?, Bool) in
            guard !state.pending.isEmpty else {
                state.draining = false
                defer { state.readingPaused = false }
                return (nil, state.readingPaused)
            }
            return (state.pending.removeFirst(), false)
        }
        if resume {
            connection.channel.setOption(ChannelOptions.autoRead, value: true).whenComplete { _ in }
        }
        return packet
    }

    func webSocketDidClose(_ connection: WebSocketConnection) {
        session.webSocketEnded(webSocketID: webSocketID)
    }
}
