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

    /// Reasons after which the socket's session is kept for recovery: its transport went away
    /// (the reference's list). A socket that left or was made to leave its namespace, or that
    /// broke the protocol or could not keep up, is not kept.
    var isRecoverable: Bool {
        switch self {
        case .transportClose, .transportError, .pingTimeout, .forcedClose: true
        case .parseError, .sendQueueOverflow, .serverNamespaceDisconnect, .clientNamespaceDisconnect: false
        }
    }

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
