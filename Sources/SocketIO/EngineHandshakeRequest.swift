import Hummingbird

/// What the server knows about the request that opened a session, for authorizers.
public struct EngineHandshakeRequest: Sendable {
    public var headers: HTTPFields
    /// Query parameters of the opening request (percent-decoded).
    public var query: [String: String]
    /// The host (and port) the client addressed (HTTP/1's Host header, which is not among `headers`).
    public var authority: String?

    public init(headers: HTTPFields = [:], query: [String: String] = [:], authority: String? = nil) {
        self.headers = headers
        self.query = query
        self.authority = authority
    }
}
