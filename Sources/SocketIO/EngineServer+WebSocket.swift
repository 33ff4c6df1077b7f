import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

extension EngineServer {
    /// Decides a WebSocket upgrade request for this endpoint.
    ///
    /// Requests for another path, or without `transport=websocket&EIO=4`, are not upgraded and
    /// fall through to HTTP, where `respond(to:)` gives the reference error answer. A request
    /// for a sid that cannot take a WebSocket (unknown, already upgraded) is accepted and
    /// closed at once: refusing the handshake makes JS clients throw instead of closing.
    public func upgradeDecision(for request: HTTPRequest) -> WebSocketUpgradeDecision {
        let uri = URI(request.path ?? "/")
        guard matches(path: uri.path) else { return .dontUpgrade }
        let query = Self.query(of: uri)
        guard query["transport"] == "websocket", query["EIO"] == "4" else { return .dontUpgrade }
        let webSocketID = makeWebSocketID()
        var probed: EngineSession?
        if let sid = query["sid"] {
            // Attach before the 101 goes out: the client may send `2probe`, `5` and a polling
            // GET as soon as it sees the upgrade, and that GET must already know about the probe.
            guard let session = self.session(id: sid), session.attachProbe(webSocketID: webSocketID) else {
                return .upgrade { connection in
                    connection.close()
                    return RefusedWebSocket()
                }
            }
            probed = session
        }
        let handshake = EngineHandshakeRequest(
            headers: Self.withoutUpgradeFields(request.headerFields), queryParameters: HandshakeQuery(of: uri),
            authority: request.authority)
        return .upgrade { [probed] connection in
            let session = probed ?? self.openSession(handshake: handshake, transport: .websocket, webSocketID: webSocketID)
            let transport = EngineWebSocketTransport(
                connection: connection, session: session, webSocketID: webSocketID, delegate: self.delegate,
                spacing: self.configuration.webSocketFrameSpacing.map { TimeAmount($0) }
            )
            transport.start()
            return transport
        }
    }
}

extension EngineServer {
    /// The fields that negotiate the WebSocket itself, which mean nothing once it is open.
    static let upgradeFieldNames: Set<HTTPField.Name> = [
        .connection, .upgrade, .secWebSocketKey, .secWebSocketVersion, .secWebSocketExtensions,
    ]

    /// `fields` without the upgrade's own fields, in a storage of exactly the size needed: the
    /// session keeps its handshake headers as long as it lives, and for a typical client the
    /// upgrade fields are most of them.
    static func withoutUpgradeFields(_ fields: HTTPFields) -> HTTPFields {
        let keptCount = fields.count { !upgradeFieldNames.contains($0.name) }
        guard keptCount < fields.count else { return fields }
        var kept = HTTPFields()
        guard keptCount > 0 else { return kept }
        kept.reserveCapacity(keptCount)
        for field in fields where !upgradeFieldNames.contains(field.name) {
            kept.append(field)
        }
        return kept
    }
}

/// The delegate of a WebSocket that was closed as soon as it opened.
private final class RefusedWebSocket: WebSocketConnectionDelegate {
    func webSocket(_ connection: WebSocketConnection, didReceive payload: WebSocketPayload) {}
    func webSocketDidBecomeWritable(_ connection: WebSocketConnection) {}
    func webSocketDidClose(_ connection: WebSocketConnection) {}
}
