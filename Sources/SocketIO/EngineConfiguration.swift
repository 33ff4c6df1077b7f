/// Settings of one Engine.IO endpoint.
public struct EngineConfiguration: Sendable {
    /// Mount path, with leading and trailing slash (`/socket.io/`).
    public var path: String
    public var pingInterval: Duration
    public var pingTimeout: Duration
    /// Largest accepted POST body / WebSocket message, announced as `maxPayload`.
    public var maxPayload: Int
    /// Whether polling sessions may upgrade to WebSocket.
    public var allowUpgrades: Bool
    /// Give up a probe that does not complete (`5`) in time.
    public var upgradeTimeout: Duration
    /// Bound of a session's outbound queue, in packets; a receiver that falls this far
    /// behind is disconnected instead of buffering without limit.
    public var maxQueuedPackets: Int
    /// `Access-Control-Allow-Origin` for polling responses; `nil` sends no CORS headers.
    public var corsOrigin: String?
    /// Minimum time between two WebSocket frames of one session (nil: none). Clients that
    /// dispatch every message of one socket read synchronously — the `ws` package used by the
    /// official test suites — drop messages that arrive coalesced with the one they wait for;
    /// the reference server spaces frames by one event-loop tick. Costs throughput; off by default.
    public var webSocketFrameSpacing: Duration?
    /// Where sessions, events, fan-out and slow-consumer drops are counted (nothing by default).
    public var metrics: SocketIOMetrics
    /// Starts every session id (e.g. a node id and a dot), so that a load balancer can route a
    /// polling session's requests to the process that holds it. Empty by default.
    public var sessionIDPrefix: String

    public init(
        path: String = "/socket.io/",
        pingInterval: Duration = .seconds(25),
        pingTimeout: Duration = .seconds(20),
        maxPayload: Int = 1_000_000,
        allowUpgrades: Bool = true,
        upgradeTimeout: Duration = .seconds(10),
        maxQueuedPackets: Int = 1024,
        corsOrigin: String? = nil,
        webSocketFrameSpacing: Duration? = nil,
        metrics: SocketIOMetrics = SocketIOMetrics(),
        sessionIDPrefix: String = ""
    ) {
        self.metrics = metrics
        self.sessionIDPrefix = sessionIDPrefix
        self.webSocketFrameSpacing = webSocketFrameSpacing
        self.path = path
        self.pingInterval = pingInterval
        self.pingTimeout = pingTimeout
        self.maxPayload = maxPayload
        self.allowUpgrades = allowUpgrades
        self.upgradeTimeout = upgradeTimeout
        self.maxQueuedPackets = maxQueuedPackets
        self.corsOrigin = corsOrigin
    }

    var pingIntervalMilliseconds: Int64 { Self.milliseconds(pingInterval) }
    var pingTimeoutMilliseconds: Int64 { Self.milliseconds(pingTimeout) }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
