import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import NIOCore
import SocketIO
import Testing

/// A Socket.IO server on a loopback port for live tests. Heartbeats are slow enough that they
/// never interfere unless a test asks for fast ones.
func withLiveServer(
    pingInterval: Duration = .seconds(10), pingTimeout: Duration = .seconds(5), maxQueuedPackets: Int = 64,
    recovery: SocketIORecoveryConfiguration? = nil, sessionIDPrefix: String = "",
    configure: (SocketIOServer) -> Void,
    _ test: @Sendable (SocketIOServer, Int, any TestClientProtocol) async throws -> Void
) async throws {
    let io = SocketIOServer(
        configuration: SocketIOConfiguration(
            engine: EngineConfiguration(
                path: "/socket.io/", pingInterval: pingInterval, pingTimeout: pingTimeout,
                maxQueuedPackets: maxQueuedPackets, corsOrigin: "*", sessionIDPrefix: sessionIDPrefix
            ),
            connectTimeout: .seconds(5), recovery: recovery
        )
    )
    configure(io)
    let router = Router()
    io.mount(on: router)
    let app = Application(
        router: router,
        // The test HTTP client keeps one connection for the whole test and never reconnects.
        server: EngineWebSocketUpgrader([io.engine]).serverBuilder(
            protection: HTTPServerProtection(limits: HTTPConnectionLimits(requestHeadTimeout: .seconds(300), idleTimeout: .seconds(300)))),
        configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0))
    )
    try await app.test(.live) { client in
        let port = try #require(client.port)
        try await test(io, port, client)
        io.engine.closeAll()
    }
}

/// One side of a raw WebSocket conversation, speaking Engine.IO text by hand.
struct RawWebSocket {
    var messages: WebSocketInboundMessageStream.AsyncIterator
    let outbound: WebSocketOutboundWriter

    mutating func next() async throws -> WebSocketMessage? {
        try await messages.next()
    }

    mutating func nextText() async throws -> String? {
        guard let message = try await next() else { return nil }
        guard case .text(let text) = message else { return "<binary>" }
        return text
    }

    /// The next text frame that is not a ping, answering the pings it skips: a test that waited
    /// longer than the ping interval (a slow machine) must still see the frame it waits for.
    mutating func nextTextSkippingPings() async throws -> String? {
        while let text = try await nextText() {
            guard text == "2" else { return text }
            try await send("3")
        }
        return nil
    }

    func send(_ text: String) async throws {
        try await outbound.write(.text(text))
    }

    /// Reads the Engine.IO open packet, joins `/` and returns the server's CONNECT answer.
    mutating func joinDefaultNamespace() async throws -> String? {
        _ = try await nextText()
        try await send("40")
        return try await nextText()
    }
}

func withRawWebSocket(
    port: Int, query: String = "EIO=4&transport=websocket",
    _ body: @escaping @Sendable (inout RawWebSocket) async throws -> Void
) async throws {
    try await WebSocketClient.connect(
        url: "ws://127.0.0.1:\(port)/socket.io/?\(query)", logger: Logger(label: "socketio-tests")
    ) { inbound, outbound, _ in
        var socket = RawWebSocket(messages: inbound.messages(maxSize: 1 << 20).makeAsyncIterator(), outbound: outbound)
        try await body(&socket)
    }
}

/// Opens a polling session and returns its sid.
func pollingHandshake(_ client: any TestClientProtocol) async throws -> String {
    let response = try await client.execute(uri: "/socket.io/?EIO=4&transport=polling", method: .get)
    let text = String(buffer: response.body)
    #expect(text.hasPrefix("0{"))
    let json = try JSONSerialization.jsonObject(with: Data(text.utf8.dropFirst())) as? [String: Any]
    return try #require(json?["sid"] as? String)
}

func post(_ client: any TestClientProtocol, sid: String, _ body: String) async throws -> TestResponse {
    try await client.execute(
        uri: "/socket.io/?EIO=4&transport=polling&sid=\(sid)", method: .post, body: ByteBuffer(string: body)
    )
}

func get(_ client: any TestClientProtocol, sid: String) async throws -> TestResponse {
    try await client.execute(uri: "/socket.io/?EIO=4&transport=polling&sid=\(sid)", method: .get)
}
