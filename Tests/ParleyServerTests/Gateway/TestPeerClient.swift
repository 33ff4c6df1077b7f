import Foundation
import HummingbirdWSClient
import Logging

/// A PeerJS client's side of the signaling WebSocket, for tests: collects the JSON messages
/// the server sends and sends raw ones.
final class TestPeerClient: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [[String: Any]] = []
    private var isClosed = false
    private let outbound: AsyncStream<String>.Continuation
    private let outboundStream: AsyncStream<String>
    private var connection: Task<Void, any Error>?

    private init() {
        (outboundStream, outbound) = AsyncStream<String>.makeStream()
    }

    static func connect(port: Int, id: String, token: String, key: String = "peerjs") -> TestPeerClient {
        let client = TestPeerClient()
        client.connection = Task {
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/peerjs/peerjs?key=\(key)&id=\(id)&token=\(token)&version=1.5.5",
                logger: Logger(label: "test-peer")
            ) { inbound, writer, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in client.outboundStream { try await writer.write(.text(text)) }
                    }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message,
                            let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                        else { continue }
                        client.lock.withLock { client.messages.append(json) }
                    }
                    group.cancelAll()
                }
            }
            client.lock.withLock { client.isClosed = true }
        }
        return client
    }

    func send(_ message: [String: Any]) throws {
        outbound.yield(String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self))
    }

    var closed: Bool { lock.withLock { isClosed } }

    func received(_ type: String) -> [[String: Any]] {
        lock.withLock { messages.filter { $0["type"] as? String == type } }
    }

    /// Waits for a message of this type and returns it (left in place).
    func next(_ type: String, timeout: Duration = .seconds(10)) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let message = received(type).first { return message }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw TestSocketError.timedOut("PeerJS \(type)")
    }

    func close() async {
        outbound.finish()
        connection?.cancel()
        _ = try? await connection?.value
    }
}
