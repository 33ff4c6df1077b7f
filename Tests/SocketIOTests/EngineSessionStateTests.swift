import NIOCore
import Testing

@testable import SocketIO

/// The transport state machine, driven with plain integers standing in for held requests.
@Suite struct EngineSessionStateTests {
    typealias State = EngineSessionState<Int, Int>
    let start = ContinuousClock.now

    func makeState(_ transport: State.Transport = .polling, maxQueued: Int = 8) -> State {
        State(
            transport: transport, webSocketID: transport == .websocket ? 1 : nil, maxQueued: maxQueued,
            pingInterval: .milliseconds(300), pingTimeout: .milliseconds(200), now: start
        )
    }

    func polls(_ effects: [State.Effect]) -> [Int: EnginePollOutcome] {
        var result: [Int: EnginePollOutcome] = [:]
        for case .resumePoll(let waiter, let outcome) in effects { result[waiter] = outcome }
        return result
    }

    /// Held GETs answered now or shortly after (refusals that follow the probe answer).
    func answered(_ effects: [State.Effect]) -> [Int: EnginePollOutcome] {
        var result = polls(effects)
        for case .resumePollAfterProbe(let waiter, let outcome) in effects { result[waiter] = outcome }
        return result
    }

    func closeReason(_ effects: [State.Effect]) -> EngineCloseReason? {
        for case .closed(let reason) in effects { return reason }
        return nil
    }

    @Test func heldGetIsAnsweredByTheNextPacket() {
        var state = makeState()
        let step1 = state.poll(1, at: start)
        #expect(step1.isEmpty)
        let effects = state.enqueue([.packet(.message, "hi")])
        #expect(polls(effects)[1] == .frames([.packet(.message, "hi")]))
    }

    @Test func queuedPacketsAreAnsweredAtOnce() {
        var state = makeState()
        _ = state.enqueue([.packet(.message, "a"), .packet(.message, "b")])
        let step2 = state.poll(1, at: start)
        #expect(polls(step2)[1] == .frames([.packet(.message, "a"), .packet(.message, "b")]))
    }

    @Test func overlappingGetClosesTheSession() {
        var state = makeState()
        _ = state.poll(1, at: start)
        let effects = state.poll(2, at: start)
        #expect(polls(effects)[1] == .frames([.packet(.close)]))
        #expect(polls(effects)[2] == .rejected(.badRequest))
        #expect(closeReason(effects) == .transportError)
        let step3 = state.poll(3, at: start)
        #expect(polls(step3)[3] == .rejected(.unknownSessionID))
    }

    @Test func clientCloseEndsTheHeldGetWithNoop() {
        var state = makeState()
        _ = state.poll(1, at: start)
        let effects = state.close(.transportClose, notice: .noop)
        #expect(polls(effects)[1] == .frames([.packet(.noop)]))
    }

    @Test func heartbeatPingsThenTimesOut() {
        var state = makeState()
        _ = state.poll(1, at: start)
        let ping = state.pingTimerFired(at: start + .milliseconds(300))
        #expect(polls(ping)[1] == .frames([.packet(.ping)]))
        let step4 = state.pongTimerFired(at: start + .milliseconds(400))
        #expect(step4.isEmpty)
        let step5 = state.pongTimerFired(at: start + .milliseconds(500))
        #expect(closeReason(step5) == .pingTimeout)
    }

    @Test func pongPostponesTheNextPing() {
        var state = makeState()
        _ = state.pingTimerFired(at: start + .milliseconds(300))
        state.receivedPong(at: start + .milliseconds(350))
        let step6 = state.pongTimerFired(at: start + .milliseconds(500))
        #expect(step6.isEmpty)
        #expect(!state.heartbeatExpired(at: start + .milliseconds(800)))
        #expect(state.heartbeatExpired(at: start + .milliseconds(850)))
    }

    @Test func lateRequestSeesTheTimeoutEvenBeforeTheTimerFires() {
        var state = makeState()
        let effects = state.poll(1, at: start + .milliseconds(501))
        #expect(polls(effects)[1] == .rejected(.unknownSessionID))
        #expect(closeReason(effects) == .pingTimeout)
    }

    @Test func probeUpgradeMovesTrafficToTheWebSocket() {
        var state = makeState()
        _ = state.poll(1, at: start)
        let attached = state.attachProbe(wsID: 7, allowUpgrades: true)
        let second = state.attachProbe(wsID: 8, allowUpgrades: true)
        #expect(attached)
        #expect(!second)
        let probe = state.probe(wsID: 7)
        #expect(polls(probe).isEmpty)
        let noop = state.probeNoopTimerFired()
        #expect(polls(noop)[1] == .frames([.packet(.noop)]))
        // The probe answer waits for the WebSocket writer.
        var written: [EngineFrame]?
        for case .resumeWriter(_, let frames) in state.nextWebSocketFrames(wsID: 7, 99) { written = frames }
        #expect(written == [.packet(.pong, "probe")])
        // A GET during the probe is held; `5` refuses it.
        let held = state.poll(2, at: start)
        #expect(polls(held).isEmpty)
        let upgraded = state.completeUpgrade(wsID: 7)
        #expect(upgraded)
        // The refusal waits until `3probe` is on the wire, so the client sees it first.
        let step7 = state.upgradeCompletedEffects()
        #expect(polls(step7).isEmpty)
        let flushed = state.webSocketFramesWritten(wsID: 7)
        #expect(answered(flushed)[2] == .rejected(.badRequest))
        let step8 = state.poll(3, at: start)
        #expect(answered(step8)[3] == .rejected(.badRequest))
        #expect(state.transport == .websocket)
    }

    @Test func heldProbeGetGetsNoopWhenTheUpgradeIsSlow() {
        var state = makeState()
        _ = state.attachProbe(wsID: 7, allowUpgrades: true)
        _ = state.probe(wsID: 7)
        _ = state.poll(1, at: start)
        let step9 = state.probeNoopTimerFired()
        #expect(polls(step9)[1] == .frames([.packet(.noop)]))
    }

    @Test func fullQueueDisconnectsTheReceiver() {
        var state = makeState(maxQueued: 2)
        let step10 = state.enqueue([.packet(.message, "1"), .packet(.message, "2")])
        #expect(closeReason(step10) == nil)
        let step11 = state.enqueue([.packet(.message, "3")])
        #expect(closeReason(step11) == .sendQueueOverflow)
        #expect(state.isClosed)
    }

    @Test func overlappingPostClosesTheSession() {
        var state = makeState()
        let step12 = state.beginPost(at: start)
        #expect(step12.0 == nil)
        let (error, effects) = state.beginPost(at: start)
        #expect(error == .badRequest)
        #expect(closeReason(effects) == .transportError)
    }
}

@Suite struct SocketIOConnectionStateTests {
    @Test func firstPacketMustBeConnect() {
        let state = SocketIOConnectionState()
        guard case .close = state.route(SocketIOPacket(type: .event, data: ["x"])) else {
            Issue.record("an EVENT before CONNECT must close the connection")
            return
        }
        guard case .connect = state.route(SocketIOPacket(type: .connect)) else {
            Issue.record("CONNECT starts the namespace flow")
            return
        }
    }
}
