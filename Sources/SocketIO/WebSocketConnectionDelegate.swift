/// Receives what happens on one upgraded WebSocket connection.
///
/// Calls come on the connection's event loop, one at a time, in order; they must not block.
/// A delegate with work that suspends starts (and orders) its own tasks: an idle connection
/// then costs no task at all, only the objects that describe it.
public protocol WebSocketConnectionDelegate: AnyObject, Sendable {
    /// A whole text or binary message arrived.
    func webSocket(_ connection: WebSocketConnection, didReceive payload: WebSocketPayload)
    /// The connection can take writes again after `isWritable` was false.
    func webSocketDidBecomeWritable(_ connection: WebSocketConnection)
    /// The connection is gone (closed by either side or failed). Called once, last.
    func webSocketDidClose(_ connection: WebSocketConnection)
}
