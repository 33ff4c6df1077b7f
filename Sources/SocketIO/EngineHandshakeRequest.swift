import Hummingbird

/// What the server knows about the request that opened a session, for authorizers.
public struct EngineHandshakeRequest: Sendable {
    public var headers: HTTPFields
    /// Query parameters of the opening request (percent-decoded).
    public var query: [String: String]

    public init(headers: HTTPFields = [:], query: [String: String] = [:]) {
        self.headers = headers
        self.query = query
    }
}
