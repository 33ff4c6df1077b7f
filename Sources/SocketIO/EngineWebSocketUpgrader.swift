import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket

/// Routes WebSocket upgrade requests to whichever endpoint owns the path.
public struct EngineWebSocketUpgrader: Sendable {
    public let servers: [EngineServer]

    public init(_ servers: [EngineServer]) {
        self.servers = servers
    }

    public func shouldUpgrade<Context: WebSocketContext>(_ request: HTTPRequest)
        -> ShouldUpgradeResult<WebSocketDataHandler<Context>>
    {
        for server in servers {
            let result: ShouldUpgradeResult<WebSocketDataHandler<Context>> = server.shouldUpgrade(request)
            if case .upgrade = result { return result }
        }
        return .dontUpgrade
    }
}

extension EngineWebSocketUpgrader {
    /// An HTTP/1 server builder that upgrades WebSocket requests for these endpoints.
    /// `maxFrameSize` should be at least the endpoints' `maxPayload`. WebSocket-level auto
    /// ping is off: Engine.IO runs its own heartbeat.
    public func serverBuilder(maxFrameSize: Int = 1_000_000) -> HTTPServerBuilder {
        let upgrader = self
        return .http1WebSocketUpgrade(
            configuration: .init(ws: .init(maxFrameSize: maxFrameSize, autoPing: .disabled))
        ) { request, _, _ in
            upgrader.shouldUpgrade(request)
        }
    }
}
