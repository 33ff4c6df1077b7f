import NIOCore

/// How a long-polling GET is answered.
enum EnginePollOutcome: Equatable, Sendable {
    case frames([EngineFrame])
    case rejected(EngineHTTPError)
}

/// The transport state machine of one Engine.IO session.
///
/// Pure value type: transitions return `Effect`s (resume a held GET, wake the WebSocket
/// writer, report the close) that the owning `EngineSession` performs after releasing its
/// lock. Generic over the waiter types so tests can drive it without continuations.
///
/// Transports: `polling` → (probe on a WebSocket) `probing` → (`5`) `upgraded`, where the
/// transport becomes `websocket`; or `websocket` from the start. Any state → `closed`.
struct EngineSessionState<PollWaiter, WriterWaiter> {
    enum Transport: Equatable { case polling, websocket }
    enum Upgrade: Equatable { case none, probing(wsID: Int), upgraded }

    /// What a held GET learns when the session closes under it.
    enum CloseNotice { case closePacket, noop }

    enum Effect {
        case resumePoll(PollWaiter, EnginePollOutcome)
        case resumeWriter(WriterWaiter, [EngineFrame]?)
        case closed(EngineCloseReason)
        /// Answer a GET held during a probe with a noop if the upgrade has not completed
        /// by then (the reference server checks every 100 ms).
        case scheduleProbeNoop
        /// Answer a GET refused because of the upgrade a little later, so the `3probe`
        /// handed to the WebSocket reaches the client before this 400 does.
        case resumePollAfterProbe(PollWaiter, EnginePollOutcome)
    }

    private(set) var transport: Transport
    private(set) var upgrade: Upgrade = .none
    private(set) var closeReason: EngineCloseReason?
    private(set) var queue: [EngineFrame] = []
    /// Frames only the WebSocket carries, even before the upgrade completes (`3probe`).
    private var webSocketOnly: [EngineFrame] = []
    private var pollWaiter: PollWaiter?
    /// When the last GET was answered (or the session opened): a polling client that is still
    /// there sends its next GET right away.
    private var pollReleasedAt: ContinuousClock.Instant
    private var postInFlight = false
    private(set) var webSocketID: Int?
    private var writerWaiter: WriterWaiter?
    /// GETs refused because of the upgrade, held until `3probe` is on the wire: a client that
    /// sends `2probe`, `5` and a GET expects the probe answer before the GET's 400.
    private var refusedAfterProbe: [PollWaiter] = []
    private var probeAnswerPending = false
    private let maxQueued: Int
    private let pingInterval: Duration
    private let pingTimeout: Duration
    /// When the next ping is due (ideal schedule, not when the timer actually fired).
    private(set) var pingDue: ContinuousClock.Instant
    /// Set while a ping is unanswered.
    private(set) var pongDeadline: ContinuousClock.Instant?

    init(
        transport: Transport, webSocketID: Int? = nil, maxQueued: Int,
        pingInterval: Duration, pingTimeout: Duration, now: ContinuousClock.Instant
    ) {
        self.transport = transport
        self.webSocketID = webSocketID
        self.maxQueued = maxQueued
        self.pingInterval = pingInterval
        self.pingTimeout = pingTimeout
        self.pingDue = now + pingInterval
        self.pollReleasedAt = now
    }

    var isClosed: Bool { closeReason != nil }
    var isPolling: Bool { transport == .polling }

    // MARK: heartbeat

    /// True when the client missed its pong, even if the timer has not fired yet: a request
    /// that arrives after `pingInterval + pingTimeout` without a pong must see a closed session.
    func heartbeatExpired(at now: ContinuousClock.Instant) -> Bool {
        now >= (pongDeadline ?? (pingDue + pingTimeout))
    }

    /// True when the client seems to have vanished without closing, long before the heartbeat
    /// would end the session (`pingInterval + pingTimeout`): it left a ping unanswered for a
    /// whole ping interval (a client that is there answers at once), or, polling, it has held
    /// no GET for a whole ping interval (a held GET is answered at the latest by the next
    /// ping, and a client that is there polls again at once).
    func isUnresponsive(at now: ContinuousClock.Instant) -> Bool {
        if isClosed { return true }
        if let pongDeadline, now - (pongDeadline - pingTimeout) >= pingInterval { return true }
        guard transport == .polling, upgrade == .none, pollWaiter == nil, !postInFlight else { return false }
        return now - pollReleasedAt >= pingInterval
    }

    mutating func pingTimerFired(at now: ContinuousClock.Instant) -> [Effect] {
        guard !isClosed, pongDeadline == nil, now >= pingDue else { return [] }
        pongDeadline = pingDue + pingTimeout
        return enqueue([.packet(.ping)])
    }

    mutating func pongTimerFired(at now: ContinuousClock.Instant) -> [Effect] {
        guard !isClosed, heartbeatExpired(at: now) else { return [] }
        return close(.pingTimeout, notice: .closePacket)
    }

    mutating func receivedPong(at now: ContinuousClock.Instant) {
        pongDeadline = nil
        pingDue = now + pingInterval
    }

    // MARK: polling

    mutating func poll(_ waiter: PollWaiter, at now: ContinuousClock.Instant) -> [Effect] {
        if isClosed { return [.resumePoll(waiter, .rejected(.unknownSessionID))] }
        if heartbeatExpired(at: now) {
            return close(.pingTimeout, notice: .closePacket) + [.resumePoll(waiter, .rejected(.unknownSessionID))]
        }
        guard transport == .polling else { return refuseAfterProbe(waiter) }
        if pollWaiter != nil {
            // Overlapping GETs break the one-request-each-way rule: the held GET gets `1`,
            // this one 400, and the session is gone.
            return close(.transportError, notice: .closePacket) + [.resumePoll(waiter, .rejected(.badRequest))]
        }
        if !queue.isEmpty {
            defer { queue.removeAll() }
            pollReleasedAt = now
            return [.resumePoll(waiter, .frames(queue))]
        }
        pollWaiter = waiter
        if case .probing = upgrade {
            // The client is switching to the WebSocket. Hold this GET briefly: if `5`
            // arrives first the GET is refused (polling is over), otherwise it ends with a noop.
            return [.scheduleProbeNoop]
        }
        return []
    }

    /// A held GET is being answered. The clock is read here rather than passed in: only
    /// `isUnresponsive` looks at it, and only with a ping interval's tolerance.
    private mutating func releasePollWaiter() {
        pollWaiter = nil
        pollReleasedAt = .now
    }

    /// Starts a POST; returns the error answer when it may not proceed.
    mutating func beginPost(at now: ContinuousClock.Instant) -> (EngineHTTPError?, [Effect]) {
        if isClosed { return (.unknownSessionID, []) }
        if heartbeatExpired(at: now) { return (.unknownSessionID, close(.pingTimeout, notice: .closePacket)) }
        guard transport == .polling else { return (.badRequest, []) }
        if postInFlight { return (.badRequest, close(.transportError, notice: .closePacket)) }
        postInFlight = true
        return (nil, [])
    }

    mutating func endPost() {
        postInFlight = false
    }

    // MARK: outbound

    mutating func enqueue(_ frames: [EngineFrame]) -> [Effect] {
        guard !isClosed else { return [] }
        guard queue.count + frames.count <= maxQueued else {
            return close(.sendQueueOverflow, notice: .closePacket)
        }
        queue.append(contentsOf: frames)
        return flush()
    }

    private mutating func flush() -> [Effect] {
        switch transport {
        case .polling:
            var effects: [Effect] = []
            if let waiter = pollWaiter, !queue.isEmpty {
                releasePollWaiter()
                effects.append(.resumePoll(waiter, .frames(queue)))
                queue.removeAll()
            }
            if let waiter = writerWaiter, !webSocketOnly.isEmpty {
                writerWaiter = nil
                effects.append(.resumeWriter(waiter, webSocketOnly))
                webSocketOnly.removeAll()
            }
            return effects
        case .websocket:
            guard let waiter = writerWaiter, !(queue.isEmpty && webSocketOnly.isEmpty) else { return [] }
            writerWaiter = nil
            defer {
                webSocketOnly.removeAll()
                queue.removeAll()
            }
            return [.resumeWriter(waiter, webSocketOnly + queue)]
        }
    }

    // MARK: WebSocket

    /// A WebSocket asks to carry this polling session (`transport=websocket&sid=…`).
    mutating func attachProbe(wsID: Int, allowUpgrades: Bool) -> Bool {
        guard allowUpgrades, !isClosed, transport == .polling, upgrade == .none, webSocketID == nil else {
            return false
        }
        webSocketID = wsID
        upgrade = .probing(wsID: wsID)
        return true
    }

    /// `2probe` on the probing WebSocket: answer `3probe` there.
    mutating func probe(wsID: Int) -> [Effect] {
        guard upgrade == .probing(wsID: wsID) else { return [] }
        webSocketOnly.append(.packet(.pong, "probe"))
        probeAnswerPending = true
        // A held GET is not released at once: if `5` follows right away the GET is refused,
        // otherwise the probe-noop timer ends it (the reference checks every 100 ms).
        let effects: [Effect] = pollWaiter == nil ? [] : [.scheduleProbeNoop]
        return effects + flush()
    }

    /// `5` on the probing WebSocket: it becomes the transport; queued packets move to it.
    mutating func completeUpgrade(wsID: Int) -> Bool {
        guard upgrade == .probing(wsID: wsID) else { return false }
        upgrade = .upgraded
        transport = .websocket
        return true
    }

    mutating func upgradeCompletedEffects() -> [Effect] {
        var effects: [Effect] = []
        if let waiter = pollWaiter {
            pollWaiter = nil
            effects += refuseAfterProbe(waiter)
        }
        return effects + flush()
    }

    private mutating func refuseAfterProbe(_ waiter: PollWaiter) -> [Effect] {
        guard probeAnswerPending else { return [.resumePollAfterProbe(waiter, .rejected(.badRequest))] }
        refusedAfterProbe.append(waiter)
        return []
    }

    /// The WebSocket writer finished writing a batch.
    mutating func webSocketFramesWritten(wsID: Int) -> [Effect] {
        guard webSocketID == wsID, webSocketOnly.isEmpty else { return [] }
        probeAnswerPending = false
        defer { refusedAfterProbe.removeAll() }
        return refusedAfterProbe.map { .resumePollAfterProbe($0, .rejected(.badRequest)) }
    }

    /// The probe-noop timer fired: release a GET still held by an unfinished probe.
    mutating func probeNoopTimerFired() -> [Effect] {
        guard case .probing = upgrade, let waiter = pollWaiter else { return [] }
        releasePollWaiter()
        return [.resumePoll(waiter, .frames([.packet(.noop)]))]
    }

    /// The writer of WebSocket `wsID` wants frames: give them now or hold the waiter.
    mutating func nextWebSocketFrames(wsID: Int, _ waiter: WriterWaiter) -> [Effect] {
        guard !isClosed, webSocketID == wsID else { return [.resumeWriter(waiter, nil)] }
        writerWaiter = waiter
        return flush()
    }

    /// The WebSocket `wsID` went away (client closed it or it failed).
    mutating func webSocketEnded(wsID: Int) -> [Effect] {
        guard webSocketID == wsID, !isClosed else { return [] }
        if transport == .websocket {
            return close(.transportClose, notice: .noop)
        }
        return abandonProbe()
    }

    /// The probe did not complete in time: polling carries on, the WebSocket is let go.
    mutating func probeTimedOut(wsID: Int) -> [Effect] {
        guard upgrade == .probing(wsID: wsID), !isClosed else { return [] }
        return abandonProbe()
    }

    private mutating func abandonProbe() -> [Effect] {
        upgrade = .none
        webSocketID = nil
        webSocketOnly.removeAll()
        if let waiter = writerWaiter {
            writerWaiter = nil
            return [.resumeWriter(waiter, nil)]
        }
        return []
    }

    // MARK: close

    mutating func close(_ reason: EngineCloseReason, notice: CloseNotice) -> [Effect] {
        guard !isClosed else { return [] }
        closeReason = reason
        queue.removeAll()
        webSocketOnly.removeAll()
        var effects: [Effect] = []
        if let waiter = pollWaiter {
            pollWaiter = nil
            let frame: EngineFrame = notice == .closePacket ? .packet(.close) : .packet(.noop)
            effects.append(.resumePoll(waiter, .frames([frame])))
        }
        if let waiter = writerWaiter {
            writerWaiter = nil
            effects.append(.resumeWriter(waiter, nil))
        }
        effects += refusedAfterProbe.map { .resumePoll($0, .rejected(.badRequest)) }
        refusedAfterProbe.removeAll()
        effects.append(.closed(reason))
        return effects
    }
}
