import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

extension EngineServer {
    /// Decides a WebSocket upgrade request for this endpoint.
    ///
    /// Requests for another path, or without `transport=websocket&EIO=4`, are not upgraded and
    /// fall through to HTTP, where `respond(to:)` gives the reference error answer. A request
    /// for a sid that cannot take a WebSocket (unknown, already upgraded) is accepted and
    /// closed at once: refusing the handshake makes JS clients throw instead of closing.
    public func shouldUpgrade<Context: WebSocketContext>(_ request: HTTPRequest)
        -> ShouldUpgradeResult<WebSocketDataHandler<Context>>
    {
        let uri = URI(request.path ?? "/")
        guard matches(path: uri.path) else { return .dontUpgrade }
        let query = Self.query(of: uri)
        guard query["transport"] == "websocket", query["EIO"] == "4" else { return .dontUpgrade }
        let handshake = EngineHandshakeRequest(headers: request.headerFields, query: query)
        let webSocketID = makeWebSocketID()
        var probed: EngineSession?
        if let sid = query["sid"] {
            // Attach before the 101 goes out: the client may send `2probe`, `5` and a polling
            // GET as soon as it sees the upgrade, and that GET must already know about the probe.
            guard let session = self.session(id: sid), session.attachProbe(webSocketID: webSocketID) else {
                return .upgrade([:]) { _, outbound, _ in
                    try? await outbound.close(.normalClosure, reason: nil)
                }
            }
            probed = session
        }
        let session = probed
        return .upgrade([:]) { inbound, outbound, _ in
            await self.runWebSocket(
                inbound: inbound, outbound: outbound, probing: session, webSocketID: webSocketID, handshake: handshake
            )
        }
    }

    func runWebSocket(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, probing: EngineSession?,
        webSocketID: Int, handshake: EngineHandshakeRequest
    ) async {
        let session = probing ?? openSession(handshake: handshake, transport: .websocket, webSocketID: webSocketID)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await Self.writeLoop(session: session, webSocketID: webSocketID, outbound: outbound)
            }
            await readLoop(session: session, webSocketID: webSocketID, inbound: inbound)
            session.webSocketEnded(webSocketID: webSocketID)
            await group.waitForAll()
        }
    }

    private func readLoop(session: EngineSession, webSocketID: Int, inbound: WebSocketInboundStream) async {
        do {
            for try await message in inbound.messages(maxSize: configuration.maxPayload) {
                switch message {
                case .text(let text):
                    guard let packet = try? EnginePacket.decode(text: Substring(text)) else {
                        session.close(reason: .parseError)
                        return
                    }
                    await session.receive(packet, webSocketID: webSocketID, delegate: delegate)
                case .binary(let buffer):
                    await session.receive(EnginePacket(binary: buffer), webSocketID: webSocketID, delegate: delegate)
                }
                if session.isClosed { return }
            }
        } catch {
            // The connection failed or sent an oversized message: the session ends below.
            session.close(reason: .transportError)
        }
    }

    /// Drains the session's queue to the socket. When the session closes (or stops using this
    /// WebSocket) the socket is closed, which also ends the read loop.
    private static func writeLoop(session: EngineSession, webSocketID: Int, outbound: WebSocketOutboundWriter) async {
        let spacing = session.configuration.webSocketFrameSpacing
        var lastWrite: ContinuousClock.Instant?
        while let frames = await session.nextWebSocketFrames(webSocketID: webSocketID) {
            do {
                for frame in frames {
                    if let spacing, let lastWrite {
                        try await Task.sleep(until: lastWrite + spacing, clock: .continuous)
                    }
                    switch frame {
                    case .text(let buffer):
                        try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: .text, data: buffer)))
                    case .binary(let buffer):
                        try await outbound.write(.binary(buffer))
                    }
                    lastWrite = .now
                }
                session.webSocketFramesWritten(webSocketID: webSocketID)
            } catch {
                session.close(reason: .transportError)
                break
            }
        }
        try? await outbound.close(.normalClosure, reason: nil)
    }
}
