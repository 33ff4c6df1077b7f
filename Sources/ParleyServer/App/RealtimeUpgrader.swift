import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import SocketIO

/// Routes WebSocket upgrades: Engine.IO (`/socket.io/`) and PeerJS (`/peerjs/peerjs`).
/// Everything else stays plain HTTP for the router.
struct RealtimeUpgrader: Sendable {
    let engine: EngineWebSocketUpgrader?
    let peers: PeerSignalingServer

    /// WebSocket-level auto ping is off: Engine.IO runs its own heartbeat and PeerJS clients
    /// send HEARTBEAT messages.
    func serverBuilder(maxFrameSize: Int) -> HTTPServerBuilder {
        .http1WebSocketUpgrade(configuration: .init(ws: .init(maxFrameSize: maxFrameSize, autoPing: .disabled))) { request, _, _ in
            if let engine {
                let result: ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> = engine.shouldUpgrade(request)
                if case .upgrade = result { return result }
            }
            return peers.shouldUpgrade(request)
        }
    }
}
