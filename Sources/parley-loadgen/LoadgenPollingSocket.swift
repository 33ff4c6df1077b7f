import Foundation
import NIOCore
import Synchronization

/// One Socket.IO client over Engine.IO v4 HTTP long-polling: the handshake GET gives the sid,
/// then one GET at a time waits for packets and one POST at a time carries everything queued
/// since the last one, packets separated by the record separator `\x1e`.
///
/// Driven by callbacks on two NIO connections (`LoadgenHTTPConnection`: one for the GETs, one
/// for the POSTs), with no task per client.
final class LoadgenPollingSocket: LoadgenConnection {
    private struct State {
        var pending: [String] = []
        var posting = false
        var closed = false
    }

    private static let separator = UInt8(0x1e)

    private let state = Mutex(State())
    private let gate = ConnectionGate()
    private let onEvent: LoadgenEventHandler
    private let token: String
    private let poller: LoadgenHTTPConnection
    private let poster: LoadgenHTTPConnection
    private let endpoint: String

    private init(token: String, onEvent: @escaping LoadgenEventHandler, poller: LoadgenHTTPConnection, poster: LoadgenHTTPConnection, endpoint: String) {
        self.token = token
        self.onEvent = onEvent
        self.poller = poller
        self.poster = poster
        self.endpoint = endpoint
    }

    /// Opens the session and waits for the server's CONNECT (the socket) or refusal (nil).
    static func connect(url: String, token: String, onEvent: @escaping LoadgenEventHandler = { _, _, _ in }) async -> LoadgenPollingSocket? {
        guard let address = URLComponents(string: url), let host = address.host, let port = address.port,
            let poller = try? await LoadgenHTTPConnection.connect(host: host, port: port)
        else { return nil }
        let base = "/socket.io/?EIO=4&transport=polling"
        let handshake = await withCheckedContinuation { continuation in
            poller.request(base) { status, body, _ in continuation.resume(returning: (status, body)) }
        }
        guard handshake.0 == 200, let sid = sessionID(in: handshake.1),
            let poster = try? await LoadgenHTTPConnection.connect(host: host, port: port)
        else {
            poller.close()
            return nil
        }
        let socket = LoadgenPollingSocket(token: token, onEvent: onEvent, poller: poller, poster: poster, endpoint: base + "&sid=" + sid)
        return await socket.gate.wait { socket.start() } ? socket : nil
    }

    /// The sid of the open packet, the first packet of the handshake's answer.
    private static func sessionID(in body: ByteBuffer) -> String? {
        let open = body.readableBytesView.split(separator: separator).first ?? []
        guard open.first == UInt8(ascii: "0"),
            let json = try? JSONSerialization.jsonObject(with: Data(open.dropFirst())) as? [String: Any]
        else { return nil }
        return json["sid"] as? String
    }

    private func start() {
        queue(LoadgenPacket.connect(token: token))
        poll()
    }

    /// One GET; its answer's packets are handled and the next GET goes out at once.
    private func poll() {
        guard !state.withLock({ $0.closed }) else { return }
        poller.request(endpoint) { [self] status, body, arrived in
            guard status == 200 else { return stop() }
            for packet in body.readableBytesView.split(separator: Self.separator) {
                let text = String(decoding: packet, as: UTF8.self)
                switch LoadgenPacket.classify(text) {
                case .event(let name): onEvent(name, text, arrived)
                case .ping: queue("3")
                case .connected: finish(accepted: true)
                case .refused, .close: return stop()
                case .open, .ignore: break
                }
            }
            poll()
        }
    }

    /// Sends what is queued in one POST unless one is under way; its answer sends the rest.
    private func post() {
        let batch = state.withLock { state -> [String]? in
            guard !state.posting, !state.pending.isEmpty else { return nil }
            state.posting = true
            defer { state.pending.removeAll() }
            return state.pending
        }
        guard let batch else { return }
        poster.request(endpoint, body: batch.joined(separator: "\u{1e}")) { [self] status, _, _ in
            state.withLock { $0.posting = false }
            guard status == 200 else { return stop() }
            post()
        }
    }

    private func queue(_ packet: String) {
        state.withLock { $0.pending.append(packet) }
        post()
    }

    private func stop() {
        state.withLock { $0.closed = true }
        finish(accepted: false)
        poller.close()
        poster.close()
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
