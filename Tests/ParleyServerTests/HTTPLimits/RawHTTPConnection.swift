import Foundation
import NIOCore
import NIOPosix

/// A TCP connection that writes raw bytes and records what comes back, for requests no HTTP
/// client would send (malformed, stalled, half-written). Non-blocking (NIO), so waiting on it
/// never holds a thread the server under test needs.
final class RawHTTPConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [UInt8] = []
    private var isClosed = false
    private var channel: (any Channel)?

    /// Opens a connection to the test server on 127.0.0.1.
    static func open(port: Int) async throws -> RawHTTPConnection {
        let connection = RawHTTPConnection()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Recorder(connection: connection))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        connection.lock.withLock { connection.channel = channel }
        return connection
    }

    func send(_ bytes: [UInt8]) async throws {
        guard let channel = lock.withLock({ channel }) else { return }
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
    }

    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    var closed: Bool { lock.withLock { isClosed } }

    /// The one answer the server sent before closing the connection.
    func answerThenClose(timeout: Duration = .seconds(15)) async throws -> RawHTTPAnswer {
        let bytes = try await waitUntilClosed(timeout: timeout)
        guard let answer = RawHTTPAnswer(bytes: bytes), answer.isComplete, answer.length == bytes.count else {
            throw TestFailure("closed without exactly one answer: \(String(decoding: bytes, as: UTF8.self))")
        }
        return answer
    }

    /// The next complete response (head and Content-Length body), taken off what was received.
    func readResponse(timeout: Duration = .seconds(15)) async throws -> RawHTTPAnswer {
        try await waitFor("a response", timeout: timeout) {
            self.lock.withLock {
                guard let answer = RawHTTPAnswer(bytes: self.received), answer.isComplete else { return nil }
                self.received.removeFirst(answer.length)
                return answer
            }
        }
    }

    /// Waits until the server closes the connection and returns what it sent meanwhile.
    func waitUntilClosed(timeout: Duration = .seconds(15)) async throws -> [UInt8] {
        try await waitFor("the server to close", timeout: timeout) {
            self.lock.withLock { self.isClosed ? self.received : nil }
        }
    }

    func close() async {
        try? await lock.withLock({ channel })?.close()
    }

    private func waitFor<T>(_ what: String, timeout: Duration, _ poll: @escaping () -> T?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let value = poll() { return value }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TestFailure("timed out waiting for \(what); received \(String(decoding: lock.withLock { received }, as: UTF8.self))")
    }

    private final class Recorder: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let connection: RawHTTPConnection

        init(connection: RawHTTPConnection) {
            self.connection = connection
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let bytes = Array(buffer: unwrapInboundIn(data))
            connection.lock.withLock { connection.received += bytes }
        }

        func channelInactive(context: ChannelHandlerContext) {
            connection.lock.withLock { connection.isClosed = true }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
