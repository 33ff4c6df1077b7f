import Hummingbird
import HummingbirdCore

/// Routes WebSocket upgrade requests to whichever endpoint owns the path.
public struct EngineWebSocketUpgrader: Sendable {
    public let servers: [EngineServer]

    public init(_ servers: [EngineServer]) {
        self.servers = servers
    }

    public func upgradeDecision(for request: HTTPRequest) -> WebSocketUpgradeDecision {
        for server in servers {
            let decision = server.upgradeDecision(for: request)
            if case .upgrade = decision { return decision }
        }
        return .dontUpgrade
    }
}

extension EngineWebSocketUpgrader {
    /// An HTTP/1 server builder that upgrades WebSocket requests for these endpoints.
    /// `maxFrameSize` should be at least the endpoints' `maxPayload`. There is no
    /// WebSocket-level ping: Engine.IO runs its own heartbeat.
    public func serverBuilder(
        maxFrameSize: Int = 1_000_000, protection: HTTPServerProtection = HTTPServerProtection()
    ) -> HTTPServerBuilder {
        WebSocketUpgradingHTTP1Channel.serverBuilder(
            maxFrameSize: maxFrameSize, protection: protection, shouldUpgrade: upgradeDecision(for:))
    }
}
