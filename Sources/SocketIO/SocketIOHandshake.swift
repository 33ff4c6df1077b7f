import Hummingbird

/// What a namespace authorizer sees of a connecting client.
public struct SocketIOHandshake: Sendable {
    /// Headers and query of the request that opened the Engine.IO session.
    public var headers: HTTPFields
    public var query: [String: String]
    /// The CONNECT payload (`{}` when the client sent none).
    public var auth: SocketIOValue
    public var namespace: String
    public var engineSessionID: String
}

/// An authorizer's answer; a refusal is sent as CONNECT_ERROR
/// (`44{"message":…,"data":…}`) and the client does not reconnect by itself.
public enum SocketIOConnectDecision: Sendable, Equatable {
    case accept
    case refuse(message: String, data: SocketIOValue? = nil)
}

/// Why a socket left its namespace (the reference server's reason strings).
public enum SocketIODisconnectReason: String, Sendable, Equatable {
    case transportClose = "transport close"
    case transportError = "transport error"
    case pingTimeout = "ping timeout"
    case parseError = "parse error"
    case forcedClose = "forced close"
    case sendQueueOverflow = "send queue overflow"
    case serverNamespaceDisconnect = "server namespace disconnect"
    case clientNamespaceDisconnect = "client namespace disconnect"

    init(_ reason: EngineCloseReason) {
        switch reason {
        case .transportClose: self = .transportClose
        case .transportError: self = .transportError
        case .pingTimeout: self = .pingTimeout
        case .parseError: self = .parseError
        case .forcedClose: self = .forcedClose
        case .sendQueueOverflow: self = .sendQueueOverflow
        }
    }
}

/// Failure of a server emit waiting for an acknowledgement.
public enum SocketIOAckError: Error, Sendable, Equatable {
    case timeout
    case disconnected
}
