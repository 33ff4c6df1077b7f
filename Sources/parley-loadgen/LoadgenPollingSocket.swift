import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One Socket.IO client over Engine.IO v4 HTTP long-polling: the handshake GET gives the sid,
/// then one GET at a time waits for packets and one POST at a time carries everything queued
/// since the last one, packets separated by the record separator `\x1e`.
final class LoadgenPollingSocket: LoadgenConnection {
    private struct State {
        var pending: [String] = []
        var closed = false
    }

    /// One session for every polling client: its connection pool must hold two connections
    /// per client (the waiting GET and the POST).
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.default
        configuration.httpMaximumConnectionsPerHost = 100_000
        configuration.timeoutIntervalForRequest = 120
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    private static let separator = "\u{1e}"

    private let state = Mutex(State())
    private let gate = ConnectionGate()
    private let wake: AsyncStream<Void>.Continuation
    private let wakeStream: AsyncStream<Void>
    private let onEvent: LoadgenEventHandler

    private init(onEvent: @escaping LoadgenEventHandler) {
        (wakeStream, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.onEvent = onEvent
    }

    static func connect(url: String, token: String, onEvent: @escaping LoadgenEventHandler = { _, _, _ in }) async -> LoadgenPollingSocket? {
        let socket = LoadgenPollingSocket(onEvent: onEvent)
        return await socket.gate.wait { await socket.run(url: url, token: token) } ? socket : nil
    }

    private func run(url: String, token: String) async {
        let base = url + "/socket.io/?EIO=4&transport=polling"
        do {
            let (status, handshake) = try await Self.request(base)
            guard status == 200, let open = handshake.split(separator: Self.separator).first, open.hasPrefix("0"),
                let json = try JSONSerialization.jsonObject(with: Data(open.dropFirst().utf8)) as? [String: Any],
                let sid = json["sid"] as? String
            else { throw LoadgenError("polling handshake failed: HTTP \(status)") }
            let endpoint = base + "&sid=" + sid
            queue(LoadgenPacket.connect(token: token))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.write(endpoint) }
                try await self.poll(endpoint)
                group.cancelAll()
            }
        } catch {}
        finish(accepted: false)
    }

    /// The GET loop: each answer holds one or more packets.
    private func poll(_ endpoint: String) async throws {
        while !state.withLock({ $0.closed }) {
            let (status, body) = try await Self.request(endpoint)
            guard status == 200 else { return }
            let arrived = MonotonicClock.nanoseconds()
            for packet in body.split(separator: Self.separator) {
                let text = String(packet)
                switch LoadgenPacket.classify(text) {
                case .event(let name): onEvent(name, text, arrived)
                case .ping: queue("3")
                case .connected: finish(accepted: true)
                case .refused, .close: return
                case .open, .ignore: break
                }
            }
        }
    }

    /// The POST loop: sends whatever was queued while the previous POST was under way.
    private func write(_ endpoint: String) async throws {
        for await _ in wakeStream {
            let batch = state.withLock { state -> [String] in
                defer { state.pending.removeAll() }
                return state.pending
            }
            guard !batch.isEmpty else { continue }
            let (status, _) = try await Self.request(endpoint, body: batch.joined(separator: Self.separator))
            guard status == 200 else { return }
        }
    }

    private func queue(_ packet: String) {
        state.withLock { $0.pending.append(packet) }
        wake.yield()
    }

    private static func request(_ url: String, body: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        if let body {
            request.httpMethod = "POST"
            request.setValue("text/plain;charset=UTF-8", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
        }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    private func finish(accepted: Bool) { gate.finish(accepted: accepted) }

    var isOpen: Bool { gate.isOpen }

    func emit(_ event: String, json: String) {
        queue(LoadgenPacket.event(event, json: json))
    }

    func close() {
        queue("1")
        state.withLock { $0.closed = true }
    }
}
