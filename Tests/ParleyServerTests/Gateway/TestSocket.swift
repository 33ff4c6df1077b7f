import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import Testing

/// One event a test socket received: its name and JSON arguments.
struct TestSocketEvent: @unchecked Sendable {
    let name: String
    let args: [Any]

    /// The first argument as an object (most chat events carry one).
    var payload: [String: Any] { args.first as? [String: Any] ?? [:] }
}

/// A small Socket.IO v5 client over a direct WebSocket (Engine.IO v4), written for the tests:
/// it answers pings, decodes events and acknowledgements, and lets a test wait for events.
/// Like socket.io-client 4.6+, it keeps the `pid` of its CONNECT reply and the last string
/// argument of each event (the recovery offset), to reconnect with them (`recoveryAuth`).
final class TestSocket: @unchecked Sendable {
    enum Outcome {
        case connected(sid: String)
        case refused(message: String)
    }

    private let lock = NSLock()
    private var events: [TestSocketEvent] = []
    private var acks: [Int: [Any]] = [:]
    private var outcome: Outcome?
    private var pid: String?
    private var offset: String?
    private var nextAckID = 0
    private var isClosed = false
    private let outbound: AsyncStream<String>.Continuation
    private let outboundStream: AsyncStream<String>
    private var connection: Task<Void, any Error>?

    private init() {
        (outboundStream, outbound) = AsyncStream<String>.makeStream()
    }

    /// Connects with `auth` as the CONNECT payload and waits for CONNECT or CONNECT_ERROR.
    static func open(port: Int, auth: [String: Any]? = nil, headers: HTTPFields = [:]) async throws -> (TestSocket, Outcome) {
        let socket = TestSocket()
        let connectPacket = "40" + (try auth.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) } ?? "")
        socket.connection = Task {
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/socket.io/?EIO=4&transport=websocket",
                configuration: WebSocketClientConfiguration(maxFrameSize: 1 << 22, additionalHeaders: headers),
                logger: Logger(label: "test-socket")
            ) { inbound, writer, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in socket.outboundStream {
                            try await writer.write(.text(text))
                        }
                    }
                    for try await message in inbound.messages(maxSize: 1 << 22) {
                        guard case .text(let text) = message else { continue }
                        socket.handle(text, connectPacket: connectPacket)
                    }
                    socket.markClosed()
                    group.cancelAll()
                }
            }
            socket.markClosed()
        }
        let outcome = try await socket.waitFor("CONNECT", timeout: .seconds(10)) { socket.lock.withLock { socket.outcome } }
        return (socket, outcome)
    }

    /// Connects and requires the server to accept.
    static func connect(port: Int, token: String) async throws -> TestSocket {
        let (socket, outcome) = try await open(port: port, auth: ["token": token])
        guard case .connected = outcome else {
            Issue.record("connection refused: \(outcome)")
            throw TestSocketError.refused
        }
        // The gateway sends the online count last, once the socket is in its rooms and counted
        // present: from then on broadcasts reach it.
        _ = try await socket.waitFor("online_users_count", timeout: .seconds(10)) { socket.received("online_users_count").first }
        return socket
    }

    private func handle(_ text: String, connectPacket: String) {
        switch text.first {
        case "0": outbound.yield(connectPacket)  // Engine.IO open: join the default namespace.
        case "2": outbound.yield("3")
        case "4": handleSocketIO(text.dropFirst())
        default: break
        }
    }

    private func handleSocketIO(_ packet: Substring) {
        guard let type = packet.first else { return }
        var rest = packet.dropFirst()
        let digits = rest.prefix { $0.isNumber }
        rest = rest.dropFirst(digits.count)
        let json = (try? JSONSerialization.jsonObject(with: Data(rest.utf8), options: [.fragmentsAllowed]))
        lock.withLock {
            switch type {
            case "0":
                outcome = .connected(sid: (json as? [String: Any])?["sid"] as? String ?? "")
                pid = (json as? [String: Any])?["pid"] as? String
            case "4":
                outcome = .refused(message: (json as? [String: Any])?["message"] as? String ?? "")
            case "2":
                if let array = json as? [Any], let name = array.first as? String {
                    events.append(TestSocketEvent(name: name, args: Array(array.dropFirst())))
                    if pid != nil, array.count > 1, let last = array.last as? String { offset = last }
                }
            case "3":
                if let id = Int(digits) { acks[id] = json as? [Any] ?? [] }
            case "1":
                events.append(TestSocketEvent(name: "disconnect", args: []))
            default:
                break
            }
        }
    }

    private func markClosed() {
        lock.withLock { isClosed = true }
        outbound.finish()
    }

    var closed: Bool { lock.withLock { isClosed } }

    /// The socket id of the CONNECT reply.
    var socketID: String? {
        lock.withLock {
            guard case .connected(let sid) = outcome else { return nil }
            return sid
        }
    }

    /// The CONNECT reply's `pid` (nil when the server does not offer recovery).
    var recoveryPID: String? { lock.withLock { pid } }

    /// The last offset seen, once an event carried one.
    func lastOffset(timeout: Duration = .seconds(10)) async throws -> String {
        try await waitFor("an event with an offset", timeout: timeout) { self.lock.withLock { self.offset } }
    }

    /// What socket.io-client adds to its CONNECT payload when it reconnects.
    func recoveryAuth(token: String) async throws -> [String: Any] {
        ["token": token, "pid": try #require(recoveryPID), "offset": try await lastOffset()]
    }

    /// Loses the connection the way a dropped network does: no DISCONNECT, no Engine.IO close.
    func drop() async {
        outbound.finish()
        connection?.cancel()
        _ = try? await connection?.value
    }

    /// Sends an event; `payload` nil sends none, a string is sent raw as the arguments.
    func emit(_ name: String, _ payload: Any? = nil) throws {
        var array: [Any] = [name]
        if let payload { array.append(payload) }
        let data = try JSONSerialization.data(withJSONObject: array, options: [.fragmentsAllowed])
        outbound.yield("42" + String(decoding: data, as: UTF8.self))
    }

    /// Sends a raw Engine.IO text frame (for malformed-input tests).
    func sendRaw(_ text: String) {
        outbound.yield(text)
    }

    /// Sends an event asking for an acknowledgement and returns its first argument.
    func request(_ name: String, _ payload: Any, timeout: Duration = .seconds(10)) async throws -> [String: Any] {
        let id = lock.withLock {
            defer { nextAckID += 1 }
            return nextAckID
        }
        let data = try JSONSerialization.data(withJSONObject: [name, payload])
        outbound.yield("42\(id)" + String(decoding: data, as: UTF8.self))
        let args = try await waitFor("ack of \(name)", timeout: timeout) { self.lock.withLock { self.acks.removeValue(forKey: id) } }
        return args.first as? [String: Any] ?? [:]
    }

    /// Removes and returns the first event called `name` that matches, waiting for it.
    func next(
        _ name: String, timeout: Duration = .seconds(10), where matches: @escaping (TestSocketEvent) -> Bool = { _ in true }
    ) async throws -> TestSocketEvent {
        try await waitFor("event \(name)", timeout: timeout) {
            self.lock.withLock {
                guard let index = self.events.firstIndex(where: { $0.name == name && matches($0) }) else { return nil }
                return self.events.remove(at: index)
            }
        }
    }

    /// Every event called `name` received so far (left in place).
    func received(_ name: String) -> [TestSocketEvent] {
        lock.withLock { events.filter { $0.name == name } }
    }

    func close() async {
        outbound.yield("1")  // Engine.IO close: the server ends the session at once.
        try? await Task.sleep(for: .milliseconds(20))
        outbound.finish()
        connection?.cancel()
        _ = try? await connection?.value
    }

    private func waitFor<T>(_ what: String, timeout: Duration, _ poll: @escaping () -> T?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let value = poll() { return value }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw TestSocketError.timedOut(what)
    }
}

enum TestSocketError: Error {
    case timedOut(String)
    case refused
}
