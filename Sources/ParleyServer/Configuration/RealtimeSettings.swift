/// Settings of the Socket.IO endpoint and the chat gateway behind it.
public struct RealtimeSettings: Sendable {
    /// Engine.IO heartbeat, announced in the open packet (the old server's 25 s / 60 s).
    public var pingInterval: Duration
    public var pingTimeout: Duration
    /// Largest Engine.IO payload (a POST body or a WebSocket message).
    public var maxPayload: Int
    /// Packets queued for one connection before it is dropped as too slow.
    public var maxQueuedPackets: Int
    /// Largest payload of one chat event, as JSON; larger events get an `error` event.
    public var maxEventBytes: Int
    /// Sustained rate and burst of `send_message` per socket.
    public var messageRate: EventRate
    /// Sustained rate and burst of `typing`/`stop_typing` per socket.
    public var typingRate: EventRate
    /// Sustained rate and burst of the other events (joins, queries, presence) per socket.
    public var queryRate: EventRate
    /// A user who stops sending `typing` stops being shown as typing after this long.
    public var typingExpiry: Duration
    /// `online_users_count` is broadcast at most this often, however many sockets come and go.
    public var onlineCountInterval: Duration
    /// An unanswered call is missed after this long.
    public var ringTimeout: Duration
    /// Port of the PeerJS-compatible signaling server (where the Angular client looks); nil
    /// serves it on the main port only.
    public var peerServerPort: Int?
    /// How long a socket that lost its transport is kept for connection state recovery (its
    /// id, rooms and missed broadcasts); zero turns recovery off.
    public var recoveryWindow: Duration

    public init(
        pingInterval: Duration = .seconds(25), pingTimeout: Duration = .seconds(60), maxPayload: Int = 1_000_000,
        maxQueuedPackets: Int = 1024, maxEventBytes: Int = 64 * 1024,
        messageRate: EventRate = EventRate(perSecond: 10, burst: 20), typingRate: EventRate = EventRate(perSecond: 5, burst: 10),
        queryRate: EventRate = EventRate(perSecond: 10, burst: 30), typingExpiry: Duration = .seconds(6),
        onlineCountInterval: Duration = .seconds(1), ringTimeout: Duration = .seconds(30), peerServerPort: Int? = 9000,
        recoveryWindow: Duration = .seconds(120)
    ) {
        self.recoveryWindow = recoveryWindow
        self.pingInterval = pingInterval
        self.pingTimeout = pingTimeout
        self.maxPayload = maxPayload
        self.maxQueuedPackets = maxQueuedPackets
        self.maxEventBytes = maxEventBytes
        self.messageRate = messageRate
        self.typingRate = typingRate
        self.queryRate = queryRate
        self.typingExpiry = typingExpiry
        self.onlineCountInterval = onlineCountInterval
        self.ringTimeout = ringTimeout
        self.peerServerPort = peerServerPort
    }
}

/// A token bucket's shape: `perSecond` on average, up to `burst` at once.
public struct EventRate: Sendable, Equatable {
    public var perSecond: Double
    public var burst: Double

    public init(perSecond: Double, burst: Double) {
        self.perSecond = perSecond
        self.burst = burst
    }
}

extension Int {
    /// nil for 0: "off" in settings where 0 means no port.
    var nonZero: Int? { self == 0 ? nil : self }
}
