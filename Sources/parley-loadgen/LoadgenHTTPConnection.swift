import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// One keep-alive HTTP/1.1 connection that carries one request at a time, answered through a
/// callback on its event loop: the long-polling clients' GET and POST lines. URLSession
/// (libcurl here) cost about a millisecond of CPU per request, so at 1 000 clients the client
/// measured itself, not the server.
///
/// The server closes a keep-alive connection idle for 5 seconds (a client that only answers
/// pings leaves its POST line idle for 25): a request finding its connection closed, or idle
/// long enough for the server to be closing it as the request arrives, opens a new one first.
/// A request is never sent twice.
final class LoadgenHTTPConnection: Sendable {
    /// Status 0: the connection failed or closed before the answer. `arrived` is the monotonic
    /// time the answer's last byte was read.
    typealias Completion = @Sendable (_ status: Int, _ body: ByteBuffer, _ arrived: UInt64) -> Void

    private struct Line: Sendable {
        let channel: any Channel
        let handler: NIOLoopBound<AnswerHandler>
        var lastUsed = ContinuousClock.now
    }

    /// Under the server's 5-second idle timeout, with room for the request to travel.
    private static let reuseWithin = Duration.seconds(4)

    private let host: String
    private let port: Int
    private let line: Mutex<Line>

    private init(host: String, port: Int, line: Line) {
        self.host = host
        self.port = port
        self.line = Mutex(line)
    }

    static func connect(host: String, port: Int) async throws -> LoadgenHTTPConnection {
        LoadgenHTTPConnection(host: host, port: port, line: try await open(host: host, port: port))
    }

    private static func open(host: String, port: Int) async throws -> Line {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(AnswerHandler())
                }
            }
            .connect(host: host, port: port).get()
        let handler = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: AnswerHandler.self), eventLoop: channel.eventLoop)
        }.get()
        return Line(channel: channel, handler: handler)
    }

    /// Sends a GET (no body) or a POST of `body` as text; `completion` runs once.
    func request(_ uri: String, body: String? = nil, completion: @escaping Completion) {
        let now = ContinuousClock.now
        let current = line.withLock { line -> Line in
            defer { line.lastUsed = now }
            return line
        }
        guard current.channel.isActive, now - current.lastUsed < Self.reuseWithin else {
            current.channel.close(promise: nil)
            Task {
                guard let fresh = try? await Self.open(host: host, port: port) else {
                    return completion(0, ByteBuffer(), MonotonicClock.nanoseconds())
                }
                line.withLock { $0 = fresh }
                send(uri, body: body, on: fresh, completion: completion)
            }
            return
        }
        send(uri, body: body, on: current, completion: completion)
    }

    private func send(_ uri: String, body: String?, on line: Line, completion: @escaping Completion) {
        let channel = line.channel, handler = line.handler, host = "\(host):\(port)"
        channel.eventLoop.execute { [self] in
            // Closed since the check (the idle timer): not sent, so send it on a new one.
            guard channel.isActive else { return request(uri, body: body, completion: completion) }
            // Idle from the answer on, not from the request: a long-poll GET is held for up to
            // 25 seconds, and its line is busy, not idle, meanwhile.
            handler.value.waiting.append { status, body, arrived in
                self.line.withLock { $0.lastUsed = .now }
                completion(status, body, arrived)
            }
            var headers: HTTPHeaders = ["Host": host]
            var payload: ByteBuffer?
            if let body {
                let buffer = channel.allocator.buffer(string: body)
                headers.add(name: "Content-Type", value: "text/plain;charset=UTF-8")
                headers.add(name: "Content-Length", value: String(buffer.readableBytes))
                payload = buffer
            }
            let head = HTTPRequestHead(version: .http1_1, method: body == nil ? .GET : .POST, uri: uri, headers: headers)
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            if let payload { channel.write(HTTPClientRequestPart.body(.byteBuffer(payload)), promise: nil) }
            channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        }
    }

    func close() {
        line.withLock { $0 }.channel.close(promise: nil)
    }

    /// Collects each answer and hands it to the oldest waiting request.
    private final class AnswerHandler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPClientResponsePart

        var waiting: [Completion] = []
        private var status = 0
        private var body = ByteBuffer()

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                status = Int(head.status.code)
                body.clear()
            case .body(var part):
                body.writeBuffer(&part)
            case .end:
                let arrived = MonotonicClock.nanoseconds()
                guard !waiting.isEmpty else { return }
                waiting.removeFirst()(status, body, arrived)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            let failed = waiting
            waiting = []
            for completion in failed { completion(0, ByteBuffer(), MonotonicClock.nanoseconds()) }
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
