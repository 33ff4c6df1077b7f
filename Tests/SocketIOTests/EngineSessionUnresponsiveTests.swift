import Testing

@testable import SocketIO

/// When a session counts as vanished (its client gone without closing), long before the
/// heartbeat would close it.
@Suite struct EngineSessionUnresponsiveTests {
    typealias State = EngineSessionState<Int, Int>
    let start = ContinuousClock.now

    func makeState(_ transport: State.Transport) -> State {
        State(
            transport: transport, webSocketID: transport == .websocket ? 1 : nil, maxQueued: 8,
            pingInterval: .seconds(25), pingTimeout: .seconds(60), now: start)
    }

    @Test func aPollingClientThatStopsPollingIsUnresponsiveAfterAPingInterval() {
        let state = makeState(.polling)
        #expect(!state.isUnresponsive(at: start + .seconds(24)))
        #expect(state.isUnresponsive(at: start + .seconds(25)))
        // The heartbeat alone would keep it for 85 s.
        #expect(!state.heartbeatExpired(at: start + .seconds(84)))
    }

    @Test func aPollingClientHoldingAGetIsNot() {
        var state = makeState(.polling)
        _ = state.poll(1, at: start)
        #expect(!state.isUnresponsive(at: start + .seconds(30)))
    }

    @Test func aWebSocketClientIsUnresponsiveOnlyWhenItLeavesAPingUnansweredForAPingInterval() {
        var state = makeState(.websocket)
        #expect(!state.isUnresponsive(at: start + .seconds(24)))
        _ = state.pingTimerFired(at: start + .seconds(25))
        #expect(!state.isUnresponsive(at: start + .seconds(49)))
        #expect(state.isUnresponsive(at: start + .seconds(50)))
        state.receivedPong(at: start + .seconds(50))
        #expect(!state.isUnresponsive(at: start + .seconds(51)))
    }
}
