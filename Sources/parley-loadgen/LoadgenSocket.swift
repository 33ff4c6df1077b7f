import Foundation
import HummingbirdWSClient
import Logging
import NIOCore

/// One Socket.IO client over a direct WebSocket: just enough of Engine.IO v4 / Socket.IO v5
/// for load: CONNECT with a token, answer pings, emit events, hand received events to a
/// callback with the time they arrived.
final class LoadgenSocket: LoadgenConnection {
    private let outbound: AsyncStream<String>.Continuation
    private let outboundStream: AsyncStream<String>
    private let gate = ConnectionGate()
    private let onEvent: LoadgenEventHandler

    private init(onEvent: @escaping LoadgenEventHandler) {
        (outboundStream, outbound) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        self.onEvent = onEvent
    }

    /// Opens the connection and waits for the server's CONNECT (the socket) or refusal (nil).
    static func connect(url: String, token: String, onEvent: @escaping LoadgenEventHandler = { _, _, _ in }) async -> LoadgenSocket? {
        let socket = LoadgenSocket(onEvent: onEvent)
        return await socket.gate.wait { await socket.run(url: url, token: token) } ? socket : nil
    }

    private func run(url: String, token: String) async {
        let wsURL = url.replacingOccurrences(of: "http://", with: "ws://") + "/socket.io/?EIO=4&transport=websocket"
        let connectPacket = LoadgenPacket.connect(token: token)
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
        switch LoadgenPacket.classify(text) {
        case .event(let name): onEvent(name, text, MonotonicClock.nanoseconds())
        case .ping: outbound.yield("3")
        case .open: outbound.yield(connectPacket)
        case .connected: finish(accepted: true)
        case .refused, .close: finish(accepted: false)
        case .ignore: break
        }
    }

    private func finish(accepted: Bool) { gate.finish(accepted: accepted) }

    var isOpen: Bool { gate.isOpen }

    func emit(_ event: String, json: String) {
        outbound.yield(LoadgenPacket.event(event, json: json))
    }

    func close() {
        outbound.yield("1")
        outbound.finish()
    }
}
