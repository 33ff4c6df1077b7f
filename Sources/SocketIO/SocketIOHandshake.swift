import Hummingbird

/// What a namespace authorizer sees of a connecting client.
public struct SocketIOHandshake: Sendable {
    /// Headers and query of the request that opened the Engine.IO session.
    public var headers: HTTPFields
    public var query: [String: String]
    /// The host (and port) the client addressed, when it sent one.
    public var authority: String?
    /// The CONNECT payload (`{}` when the client sent none).
    public var auth: SocketIOValue
    public var namespace: String
    public var engineSessionID: String
}
