import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import Synchronization

/// One Socket.IO client over a direct WebSocket: just enough of Engine.IO v4 / Socket.IO v5
/// for load: CONNECT with a token, answer pings, emit events, hand received events to a
/// callback with the time they arrived.
final class LoadgenSocket: Sendable {
    typealias EventHandler = @Sendable (_ name: Substring, _ packet: String, _ arrived: ContinuousClock.Instant) -> Void

    private struct State {
        var connected: CheckedContinuation<Bool, Never>?
        var isOpen = false
    }

    private let outbound: AsyncStream<String>.Continuation
    private let outboundStream: AsyncStream<String>
    private let state = Mutex(State())
    private let onEvent: EventHandler

    private init(onEvent: @escaping EventHandler) {
        (outboundStream, outbound) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        self.onEvent = onEvent
    }

    /// Opens the connection and waits for the server's CONNECT (true) or refusal (false).
    static func connect(url: String, token: String, onEvent: @escaping EventHandler = { _, _, _ in }) async -> LoadgenSocket? {
        let socket = LoadgenSocket(onEvent: onEvent)
        let accepted = await withCheckedContinuation { continuation in
            socket.state.withLock { $0.connected = continuation }
            Task { await socket.run(url: url, token: token) }
        }
        return accepted ? socket : nil
    }

    private func run(url: String, token: String) async {
        let wsURL = url.replacingOccurrences(of: "http://", with: "ws://") + "/socket.io/?EIO=4&transport=websocket"
        let connectPacket = "40{\"token\":\"\(token)\"}"
        do {
            try await WebSocketClient.connect(
                url: wsURL, configuration: WebSocketClientConfiguration(maxFrameSize: 1 << 20), logger: Logger(label: "loadgen")
            ) { inbound, writer, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in self.outboundStream {
                            try await writer.write(.text(text))
                        }
                    }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        self.handle(text, connectPacket: connectPacket)
                    }
                    group.cancelAll()
                }
            }
        } catch {}
        finish(accepted: false)
    }

    private func handle(_ text: String, connectPacket: String) {
        let arrived = ContinuousClock.now
        if text.hasPrefix("42[\"") {
            let rest = text.dropFirst(4)
            if let end = rest.firstIndex(of: "\"") { onEvent(rest[..<end], text, arrived) }
        } else if text == "2" {
            outbound.yield("3")
        } else if text.hasPrefix("0") {
            outbound.yield(connectPacket)
        } else if text.hasPrefix("40") {
            finish(accepted: true)
        } else if text.hasPrefix("44") {
            finish(accepted: false)
        }
    }

    private func finish(accepted: Bool) {
        let continuation = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            defer { state.connected = nil }
            state.isOpen = accepted
            return state.connected
        }
        continuation?.resume(returning: accepted)
    }

    var isOpen: Bool { state.withLock { $0.isOpen } }

    /// Sends `42["event",<json>]`.
    func emit(_ event: String, json: String) {
        outbound.yield("42[\"\(event)\",\(json)]")
    }

    func close() {
        outbound.yield("1")
        outbound.finish()
    }
}
