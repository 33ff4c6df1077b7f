import Hummingbird

/// What the server knows about the request that opened a session, for authorizers.
public struct EngineHandshakeRequest: Sendable {
    /// Headers of the opening request; for a WebSocket, without the fields that negotiated it
    /// (`Connection`, `Upgrade`, `Sec-WebSocket-Key`/`-Version`/`-Extensions`).
    public var headers: HTTPFields
    /// Query parameters of the opening request (percent-decoded).
    public var query: [String: String] {
        get { queryParameters.parameters }
        set { queryParameters = HandshakeQuery(newValue) }
    }
    /// The host (and port) the client addressed (HTTP/1's Host header, which is not among `headers`).
    public var authority: String?
    /// The query, decoded only when `query` is read.
    private(set) var queryParameters: HandshakeQuery

    public init(headers: HTTPFields = [:], query: [String: String] = [:], authority: String? = nil) {
        self.init(headers: headers, queryParameters: HandshakeQuery(query), authority: authority)
    }

    init(headers: HTTPFields, queryParameters: HandshakeQuery, authority: String?) {
        self.headers = headers
        self.queryParameters = queryParameters
        self.authority = authority
    }
}
