import NIOCore

/// One Engine.IO session: its transport state machine, outbound queue and heartbeat.
///
/// The transports (polling requests, a WebSocket loop) call in from their own tasks; all
/// state lives in `EngineSessionState` behind a lock, and the effects it returns are run
/// here after the lock is released.
public final class EngineSession: Sendable {
    typealias PollWaiter = CheckedContinuation<EnginePollOutcome, Never>
    typealias State = EngineSessionState<PollWaiter, EngineWebSocketWriter>

    /// The Engine.IO session id (`sid`).
    public let id: String
    /// The request that opened the session.
    public let handshake: EngineHandshakeRequest
    /// The endpoint's configuration, shared by all its sessions.
    private let sharedConfiguration: SharedValue<EngineConfiguration>
    var configuration: EngineConfiguration { sharedConfiguration.value }
    private let state: Locked<State>
    private let onClose: @Sendable (EngineSession, EngineCloseReason) -> Void

    init(
        id: String, handshake: EngineHandshakeRequest, configuration: SharedValue<EngineConfiguration>,
        transport: State.Transport, webSocketID: Int?,
        onClose: @escaping @Sendable (EngineSession, EngineCloseReason) -> Void
    ) {
        self.id = id
        self.handshake = handshake
        self.sharedConfiguration = configuration
        self.onClose = onClose
        self.state = Locked(
            State(
                transport: transport, webSocketID: webSocketID,
                maxQueued: configuration.value.maxQueuedPackets,
                pingInterval: configuration.value.pingInterval, pingTimeout: configuration.value.pingTimeout,
                now: .now
            )
        )
    }

    /// The `0{…}` open packet for this session.
    func openPacket(upgrades: [String]) -> EngineFrame {
        let list = upgrades.map { "\"\($0)\"" }.joined(separator: ",")
        return .packet(
            .open,
            "{\"sid\":\"\(id)\",\"upgrades\":[\(list)],\"pingInterval\":\(configuration.pingIntervalMilliseconds),"
                + "\"pingTimeout\":\(configuration.pingTimeoutMilliseconds),\"maxPayload\":\(configuration.maxPayload)}"
        )
    }

    public var isClosed: Bool { state.withLock { $0.isClosed } }

    /// `polling` or `websocket`: the transport carrying the session now.
    var transportName: String {
        state.withLock { $0.transport == .websocket ? "websocket" : "polling" }
    }

    /// Whether the client seems to have vanished without closing (see
    /// `EngineSessionState.isUnresponsive`): callers short of room may close such sessions
    /// before the heartbeat does.
    public var isUnresponsive: Bool { state.withLock { $0.isUnresponsive(at: .now) } }

    // MARK: sending

    /// Queues frames for the client. They are delivered in order, all or none: when the
    /// bounded queue would overflow, the session is closed instead.
    public func send(_ frames: [EngineFrame]) {
        run(state.withLock { $0.enqueue(frames) })
    }

    public func send(_ frame: EngineFrame) {
        send([frame])
    }

    /// Closes the session from the server side.
    public func close(reason: EngineCloseReason = .forcedClose) {
        run(state.withLock { $0.close(reason, notice: .closePacket) })
    }

    // MARK: heartbeat

    /// Called by the server's one heartbeat clock for every session (a task per session
    /// would cost each idle connection a sleeping task): sends the ping when it is due, and
    /// closes the session when its pong is late.
    func heartbeatTick(at now: ContinuousClock.Instant) {
        run(
            state.withLock { state in
                state.pongDeadline == nil ? state.pingTimerFired(at: now) : state.pongTimerFired(at: now)
            })
    }

    // MARK: polling

    func poll() async -> EnginePollOutcome {
        await withCheckedContinuation { (waiter: PollWaiter) in
            run(state.withLock { $0.poll(waiter, at: .now) })
        }
    }

    /// Handles a POST body; returns the error answer, or nil for `ok`.
    func post(_ body: ByteBuffer, delegate: any EngineSessionDelegate) async -> EngineHTTPError? {
        let (error, effects) = state.withLock { $0.beginPost(at: .now) }
        run(effects)
        if let error { return error }
        defer { state.withLock { $0.endPost() } }
        let packets: [EnginePacket]
        do {
            packets = try EnginePayloadCodec.decode(body)
        } catch {
            close(reason: .parseError)
            return .badRequest
        }
        for packet in packets {
            await receive(packet, webSocketID: nil, delegate: delegate)
        }
        return nil
    }

    // MARK: inbound packets

    /// Handles one decoded packet from either transport.
    func receive(_ packet: EnginePacket, webSocketID: Int?, delegate: any EngineSessionDelegate) async {
        if isClosed { return }
        guard packet.type == .message else {
            receiveControl(packet, webSocketID: webSocketID)
            return
        }
        await delegate.engineSession(self, didReceive: packet.payload)
    }

    /// Handles a packet other than `message`: these never wait for the delegate.
    func receiveControl(_ packet: EnginePacket, webSocketID: Int?) {
        if isClosed { return }
        switch (packet.type, packet.payload) {
        case (.ping, .text("probe")) where webSocketID != nil:
            run(state.withLock { $0.probe(wsID: webSocketID ?? -1) })
        case (.ping, .text(let data)):
            send(.packet(.pong, data))
        case (.pong, _):
            state.withLock { $0.receivedPong(at: .now) }
        case (.upgrade, _):
            guard let webSocketID else { return }
            let (upgraded, effects) = state.withLock { state -> (Bool, [State.Effect]) in
                guard state.completeUpgrade(wsID: webSocketID) else { return (false, []) }
                return (true, state.upgradeCompletedEffects())
            }
            if upgraded { configuration.metrics.sessionUpgraded() }
            run(effects)
        case (.close, _):
            // A client-requested close: a held GET ends with a noop, as the reference does.
            run(state.withLock { $0.close(.transportClose, notice: .noop) })
        case (.noop, _), (.message, _):
            break
        case (.open, _), (.ping, .binary):
            close(reason: .parseError)
        }
    }

    // MARK: WebSocket transport

    /// Lets WebSocket `webSocketID` probe this polling session; the probe is dropped if it
    /// does not complete within `upgradeTimeout`.
    func attachProbe(webSocketID: Int) -> Bool {
        let attached = state.withLock { $0.attachProbe(wsID: webSocketID, allowUpgrades: configuration.allowUpgrades) }
        guard attached else { return false }
        let timeout = configuration.upgradeTimeout
        Task { [weak self] in
            try? await Task.sleep(for: timeout)
            guard let self else { return }
            self.run(self.state.withLock { $0.probeTimedOut(wsID: webSocketID) })
        }
        return true
    }

    /// Offers the writer of WebSocket `webSocketID` for one batch: it is called (after the
    /// lock is released) with the queued frames, or with nil when the session no longer uses
    /// this WebSocket.
    func nextWebSocketFrames(webSocketID: Int, writer: EngineWebSocketWriter) {
        run(state.withLock { $0.nextWebSocketFrames(wsID: webSocketID, writer) })
    }

    func webSocketFramesWritten(webSocketID: Int) {
        run(state.withLock { $0.webSocketFramesWritten(wsID: webSocketID) })
    }

    func webSocketEnded(webSocketID: Int) {
        run(state.withLock { $0.webSocketEnded(wsID: webSocketID) })
    }

    // MARK: effects

    private func run(_ effects: [State.Effect]) {
        for effect in effects {
            switch effect {
            case .resumePoll(let waiter, let outcome):
                waiter.resume(returning: outcome)
            case .resumeWriter(let writer, let frames):
                writer.deliver(frames)
            case .closed(let reason):
                onClose(self, reason)
            case .resumePollAfterProbe(let waiter, let outcome):
                Task {
                    try? await Task.sleep(for: .milliseconds(20))
                    waiter.resume(returning: outcome)
                }
            case .scheduleProbeNoop:
                Task { [weak self] in
                    try? await Task.sleep(for: .milliseconds(100))
                    guard let self else { return }
                    self.run(self.state.withLock { $0.probeNoopTimerFired() })
                }
            }
        }
    }
}
