/// Failure of a server emit waiting for an acknowledgement.
public enum SocketIOAckError: Error, Sendable, Equatable {
    case timeout
    case disconnected
}
