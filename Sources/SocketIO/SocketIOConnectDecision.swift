/// An authorizer's answer; a refusal is sent as CONNECT_ERROR
/// (`44{"message":…,"data":…}`) and the client does not reconnect by itself.
public enum SocketIOConnectDecision: Sendable, Equatable {
    case accept
    case refuse(message: String, data: SocketIOValue? = nil)
}
