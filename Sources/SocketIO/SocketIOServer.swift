import Hummingbird

/// A Socket.IO v5 server on top of an Engine.IO endpoint.
///
/// ```swift
/// let io = SocketIOServer(configuration: .init())
/// io.namespace("/").authorize { handshake in … .accept or .refuse(message: "Not authorized") }
/// io.namespace("/").onConnection { socket in
///     socket.on("ping") { args, ack in ack?(args) }
/// }
/// io.engine.mount(on: router)    // polling routes
/// // WebSocket: Application(router:, server: EngineWebSocketUpgrader([io.engine]).serverBuilder())
/// ```
public final class SocketIOServer: EngineSessionDelegate, Sendable {
    public let configuration: SocketIOConfiguration
    public let engine: EngineServer
    private let namespaces = Locked<[String: SocketIONamespace]>([:])
    private let connections = Locked<[String: SocketIOConnection]>([:])

    public init(configuration: SocketIOConfiguration = .init()) {
        self.configuration = configuration
        self.engine = EngineServer(configuration: configuration.engine)
        engine.setDelegate(self)
        startConnectTimeoutClock()
    }

    /// Sessions that join no namespace within `connectTimeout` are closed, as the reference
    /// does; one task checks them all.
    private func startConnectTimeoutClock() {
        PeriodicSweep.start(every: PeriodicSweep.tick(for: configuration.connectTimeout), owner: self) { server, now in
            for connection in server.connections.withLock({ Array($0.values) }) { connection.enforceConnectDeadline(at: now) }
        }
    }

    /// The namespace with this name, created on first use. Clients may only connect to
    /// namespaces created here; others get CONNECT_ERROR "Invalid namespace".
    @discardableResult
    public func namespace(_ name: String) -> SocketIONamespace {
        namespaces.withLock { namespaces in
            if let existing = namespaces[name] { return existing }
            let namespace = SocketIONamespace(
                name: name, adapter: configuration.makeAdapter(name), recovery: configuration.recovery,
                metrics: configuration.engine.metrics)
            namespaces[name] = namespace
            return namespace
        }
    }

    func existingNamespace(_ name: String) -> SocketIONamespace? {
        namespaces.withLock { $0[name] }
    }

    /// Adds the polling routes to a router (see `EngineServer.mount(on:)`).
    public func mount<Context: RequestContext>(on router: Router<Context>) {
        engine.mount(on: router)
    }

    // MARK: EngineSessionDelegate

    public func engineSessionDidOpen(_ session: EngineSession) {
        let connection = SocketIOConnection(session: session, server: self, connectDeadline: .now + configuration.connectTimeout)
        connections.withLock { $0[session.id] = connection }
    }

    public func engineSession(_ session: EngineSession, didReceive message: EnginePacket.Payload) async {
        guard let connection = connections.withLock({ $0[session.id] }) else { return }
        await connection.receive(message)
    }

    public func engineSessionDidClose(_ session: EngineSession, reason: EngineCloseReason) {
        guard let connection = connections.withLock({ $0.removeValue(forKey: session.id) }) else { return }
        Task { await connection.closed(reason: reason) }
    }
}
