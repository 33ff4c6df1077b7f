import Hummingbird

/// What a namespace authorizer sees of a connecting client.
public struct SocketIOHandshake: Sendable {
    /// Headers and query of the request that opened the Engine.IO session (for a WebSocket,
    /// without the fields that negotiated it: see `EngineHandshakeRequest.headers`).
    public var headers: HTTPFields
    public var query: [String: String] {
        get { queryParameters.parameters }
        set { queryParameters = HandshakeQuery(newValue) }
    }
    /// The host (and port) the client addressed, when it sent one.
    public var authority: String?
    /// The CONNECT payload (`{}` when the client sent none).
    public var auth: SocketIOValue
    public var namespace: String
    public var engineSessionID: String
    /// Every socket keeps its handshake: the query stays as the request sent it until read.
    private var queryParameters: HandshakeQuery

    /// The handshake of a socket of the session that `request` opened.
    init(request: EngineHandshakeRequest, auth: SocketIOValue, namespace: String, engineSessionID: String) {
        self.headers = request.headers
        self.queryParameters = request.queryParameters
        self.authority = request.authority
        self.auth = auth
        self.namespace = namespace
        self.engineSessionID = engineSessionID
    }
}
