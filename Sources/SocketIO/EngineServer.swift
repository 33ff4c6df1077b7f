import Hummingbird
import HummingbirdCore
import NIOCore

/// An Engine.IO v4 endpoint: the session registry plus the polling and WebSocket transports.
///
/// It knows nothing about what travels inside `message` packets; its delegate does.
public final class EngineServer: Sendable {
    public var configuration: EngineConfiguration { sharedConfiguration.value }
    /// Handed to every session instead of a copy each.
    private let sharedConfiguration: SharedValue<EngineConfiguration>
    private let delegateBox: Locked<(any EngineSessionDelegate)?>
    private let sessions = Locked<[String: EngineSession]>([:])
    private let webSocketCounter = Locked<Int>(0)

    public init(configuration: EngineConfiguration, delegate: (any EngineSessionDelegate)? = nil) {
        self.sharedConfiguration = SharedValue(configuration)
        self.delegateBox = Locked(delegate)
        startHeartbeatClock()
    }

    /// One task ticks every session's heartbeat, at a tenth of the shorter of the ping
    /// interval and timeout.
    private func startHeartbeatClock() {
        let tick = PeriodicSweep.tick(for: min(configuration.pingInterval, configuration.pingTimeout))
        PeriodicSweep.start(every: tick, owner: self) { server, now in
            for session in server.sessions.withLock({ Array($0.values) }) { session.heartbeatTick(at: now) }
        }
    }

    /// Sets who receives session events (for owners that must exist before it, like
    /// `SocketIOServer`). Without a delegate, messages are dropped.
    public func setDelegate(_ delegate: any EngineSessionDelegate) {
        delegateBox.withLock { $0 = delegate }
    }

    var delegate: any EngineSessionDelegate {
        delegateBox.withLock { $0 } ?? NoDelegate.shared
    }

    /// The open session with this id, if any.
    public func session(id: String) -> EngineSession? {
        sessions.withLock { $0[id] }
    }

    public var sessionCount: Int { sessions.withLock { $0.count } }

    /// Closes every session (server shutdown).
    public func closeAll() {
        for session in sessions.withLock({ Array($0.values) }) {
            session.close(reason: .forcedClose)
        }
    }

    // MARK: sessions

    func openSession(
        handshake: EngineHandshakeRequest, transport: EngineSession.State.Transport, webSocketID: Int?
    ) -> EngineSession {
        let session = EngineSession(
            id: configuration.sessionIDPrefix + SessionID.make(), handshake: handshake, configuration: sharedConfiguration,
            transport: transport, webSocketID: webSocketID,
            onClose: { [weak self] session, reason in self?.sessionClosed(session, reason: reason) }
        )
        sessions.withLock { $0[session.id] = session }
        configuration.metrics.sessionOpened(transport: session.transportName)
        let upgrades = transport == .polling && configuration.allowUpgrades ? ["websocket"] : []
        session.send(session.openPacket(upgrades: upgrades))
        delegate.engineSessionDidOpen(session)
        return session
    }

    private func sessionClosed(_ session: EngineSession, reason: EngineCloseReason) {
        sessions.withLock { $0[session.id] = nil }
        configuration.metrics.sessionClosed(transport: session.transportName)
        if reason == .sendQueueOverflow { configuration.metrics.slowConsumerDropped() }
        delegate.engineSessionDidClose(session, reason: reason)
    }

    func makeWebSocketID() -> Int {
        webSocketCounter.withLock { counter in
            counter += 1
            return counter
        }
    }

    // MARK: request parsing

    /// Query parameters of a request URI, percent-decoded.
    static func query(of uri: URI) -> [String: String] {
        var query: [String: String] = [:]
        for (key, value) in uri.queryParameters {
            query[String(key)] = String(value)
        }
        return query
    }

    /// Whether `path` is this endpoint's mount path (with or without the trailing slash).
    func matches(path: String) -> Bool {
        let mount = configuration.path.hasSuffix("/") ? String(configuration.path.dropLast()) : configuration.path
        return path == mount || path == mount + "/"
    }
}

/// Stands in when no delegate is set: messages are dropped.
private final class NoDelegate: EngineSessionDelegate {
    static let shared = NoDelegate()
    func engineSessionDidOpen(_ session: EngineSession) {}
    func engineSession(_ session: EngineSession, didReceive message: EnginePacket.Payload) async {}
    func engineSessionDidClose(_ session: EngineSession, reason: EngineCloseReason) {}
}
