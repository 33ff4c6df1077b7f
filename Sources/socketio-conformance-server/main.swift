import Hummingbird
import Logging
import SocketIO

// The server the official engine.io-protocol and socket.io-protocol test suites expect
// (the reference servers of both repositories' READMEs), on port 3000.

func engineConfiguration(path: String) -> EngineConfiguration {
    EngineConfiguration(
        path: path, pingInterval: .milliseconds(300), pingTimeout: .milliseconds(200),
        maxPayload: 1_000_000, corsOrigin: "*",
        // The suites' `ws` client loses a message that arrives in the same read as the one
        // it awaits; space frames out as the reference server's one-write-per-tick does.
        webSocketFrameSpacing: .milliseconds(2)
    )
}

let engine = EngineServer(configuration: engineConfiguration(path: "/engine.io/"), delegate: EchoEngineDelegate())

let io = SocketIOServer(
    configuration: SocketIOConfiguration(
        engine: engineConfiguration(path: "/socket.io/"), connectTimeout: .milliseconds(1000)
    )
)

io.namespace("/").onConnection { socket in
    socket.emit("auth", socket.handshake.auth)
    socket.on("message") { args, _ in
        socket.emit("message-back", arguments: args)
    }
    socket.on("message-with-ack") { args, ack in
        ack?.send(args)
    }
}

io.namespace("/custom").onConnection { socket in
    socket.emit("auth", socket.handshake.auth)
}

let router = Router()
engine.mount(on: router)
io.mount(on: router)

var logger = Logger(label: "socketio-conformance-server")
logger.logLevel = .info

let app = Application(
    router: router,
    server: EngineWebSocketUpgrader([engine, io.engine]).serverBuilder(maxFrameSize: 1_000_000),
    // "::" is dual-stack on Linux: both 127.0.0.1 and ::1 (all `localhost` resolves to).
    configuration: ApplicationConfiguration(address: .hostname("::", port: 3000)),
    logger: logger
)
try await app.runService()
