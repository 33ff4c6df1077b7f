import SocketIO

/// One PeerJS client's WebSocket: text messages go to the signaling server, binary ones are
/// ignored (as PeerJS ignores them). `id` is nil for a connection refused at open.
final class PeerConnection: WebSocketConnectionDelegate {
    private let server: PeerSignalingServer
    private let id: String?

    init(server: PeerSignalingServer, id: String?) {
        self.server = server
        self.id = id
    }

    func webSocket(_ connection: WebSocketConnection, didReceive payload: WebSocketPayload) {
        guard let id, case .text(let buffer) = payload else { return }
        if !server.handle(String(buffer: buffer), from: id) {
            connection.close()
        }
    }

    func webSocketDidBecomeWritable(_ connection: WebSocketConnection) {}

    func webSocketDidClose(_ connection: WebSocketConnection) {
        guard let id else { return }
        server.closed(connection, id: id)
    }
}
