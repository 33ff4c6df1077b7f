import HTTPTypes

/// An endpoint's answer to a WebSocket upgrade request.
public enum WebSocketUpgradeDecision: Sendable {
    /// Not this endpoint's request: it goes on as plain HTTP.
    case dontUpgrade
    /// Upgrade with these extra response headers. Once the `101` is out, `accept` is called
    /// on the connection's event loop and returns who receives the connection's messages.
    case upgrade(HTTPFields, accept: @Sendable (WebSocketConnection) -> any WebSocketConnectionDelegate)

    public static func upgrade(
        accept: @escaping @Sendable (WebSocketConnection) -> any WebSocketConnectionDelegate
    ) -> WebSocketUpgradeDecision {
        .upgrade([:], accept: accept)
    }
}
