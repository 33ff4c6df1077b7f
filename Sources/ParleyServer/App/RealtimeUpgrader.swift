import Hummingbird
import HummingbirdCore
import SocketIO

/// Routes WebSocket upgrades: Engine.IO (`/socket.io/`) and PeerJS (`/peerjs/peerjs`).
/// Everything else stays plain HTTP for the router.
struct RealtimeUpgrader: Sendable {
    let engine: EngineWebSocketUpgrader?
    let peers: PeerSignalingServer

    /// There is no WebSocket-level ping: Engine.IO runs its own heartbeat and PeerJS clients
    /// send HEARTBEAT messages.
    func serverBuilder(maxFrameSize: Int, protection: HTTPServerProtection) -> HTTPServerBuilder {
        WebSocketUpgradingHTTP1Channel.serverBuilder(
            maxFrameSize: maxFrameSize, protection: protection, shouldUpgrade: upgradeDecision(for:))
    }

    func upgradeDecision(for request: HTTPRequest) -> WebSocketUpgradeDecision {
        if let decision = engine?.upgradeDecision(for: request), case .upgrade = decision {
            return decision
        }
        return peers.upgradeDecision(for: request)
    }
}
