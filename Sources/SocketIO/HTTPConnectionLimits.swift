/// The limits that keep slow, idle or malformed HTTP clients from holding connections.
public struct HTTPConnectionLimits: Sendable, Equatable {
    /// A request head (request line and headers) must be complete this long after the
    /// connection opens or after the first byte of a later request; otherwise 408 and close.
    public var requestHeadTimeout: Duration
    /// A kept-alive connection that sends nothing for this long after a response is closed.
    public var idleTimeout: Duration
    /// A request body that stops arriving for this long, while the server waits for it, closes
    /// the connection (time the application takes to consume the body does not count).
    public var bodyTimeout: Duration
    /// Connections open at once (on all listeners together); the next one gets 503.
    public var maxConnections: Int
    /// Longest request target; longer ones get 414 (up to `maxHeaderBytes`, past which NIO's
    /// decoder stops first and the answer is 431).
    public var maxURLBytes: Int
    /// Largest request line plus header block; larger ones get 431.
    public var maxHeaderBytes: Int

    public init(
        requestHeadTimeout: Duration = .seconds(5), idleTimeout: Duration = .seconds(5), bodyTimeout: Duration = .seconds(30),
        maxConnections: Int = DescriptorBudget.connectionLimit(), maxURLBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 16 * 1024
    ) {
        self.requestHeadTimeout = requestHeadTimeout
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
        self.maxURLBytes = maxURLBytes
        self.maxHeaderBytes = maxHeaderBytes
    }
}
