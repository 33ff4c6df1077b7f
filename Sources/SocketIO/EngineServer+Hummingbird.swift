import Hummingbird
import HummingbirdCore

extension EngineServer {
    /// Adds the polling routes (GET, POST, PUT, OPTIONS on the mount path) to a router.
    /// The WebSocket transport is wired separately, through `upgradeDecision(for:)` in the
    /// application's server builder (`EngineWebSocketUpgrader.serverBuilder`).
    public func mount<Context: RequestContext>(on router: Router<Context>) {
        let path = RouterPath(configuration.path)
        for method in [HTTPRequest.Method.get, .post, .put, .options] {
            router.on(path, method: method) { request, _ in
                await self.respond(to: request)
            }
        }
    }
}
