/// Settings of a Socket.IO server.
public struct SocketIOConfiguration: Sendable {
    public var engine: EngineConfiguration
    /// Close an Engine.IO session that has joined no namespace within this time.
    public var connectTimeout: Duration
    /// Most binary attachments one packet may declare.
    public var maxAttachments: Int
    /// Default time a server emit waits for its acknowledgement.
    public var ackTimeout: Duration
    /// Builds the room adapter of each namespace (in-process by default).
    public var makeAdapter: @Sendable (_ namespace: String) -> any SocketIOAdapter
    /// Connection state recovery; nil (the default, as in the reference) turns it off.
    public var recovery: SocketIORecoveryConfiguration?

    public init(
        engine: EngineConfiguration = EngineConfiguration(),
        connectTimeout: Duration = .seconds(45),
        maxAttachments: Int = 10,
        ackTimeout: Duration = .seconds(10),
        makeAdapter: @escaping @Sendable (_ namespace: String) -> any SocketIOAdapter = { _ in InMemoryAdapter() },
        recovery: SocketIORecoveryConfiguration? = nil
    ) {
        self.recovery = recovery
        self.engine = engine
        self.connectTimeout = connectTimeout
        self.maxAttachments = maxAttachments
        self.ackTimeout = ackTimeout
        self.makeAdapter = makeAdapter
    }
}
