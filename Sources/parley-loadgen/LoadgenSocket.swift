import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

/// One Socket.IO client over a direct WebSocket: just enough of Engine.IO v4 / Socket.IO v5
/// for load: CONNECT with a token, answer pings, emit events, hand received events to a
/// callback with the time they arrived.
///
/// Frames are handled by a channel handler on the client's event loop, with no task or
/// async sequence per connection: a thousand clients receiving 100 000 messages a second
/// through async iteration cost more CPU than the server sending them, and on two shared
/// cores that wait was measured as the server's latency.
final class LoadgenSocket: LoadgenConnection {
    private let gate = ConnectionGate()
    private let onEvent: LoadgenEventHandler
    private let token: String
    /// The upgraded channel, once the WebSocket is open.
    private let channel = Mutex<(any Channel)?>(nil)

    private init(token: String, onEvent: @escaping LoadgenEventHandler) {
        self.token = token
        self.onEvent = onEvent
    }

    /// Opens the connection and waits for the server's CONNECT (the socket) or refusal (nil).
    static func connect(url: String, token: String, onEvent: @escaping LoadgenEventHandler = { _, _, _ in }) async -> LoadgenSocket? {
        let socket = LoadgenSocket(token: token, onEvent: onEvent)
        return await socket.gate.wait { await socket.open(url: url) } ? socket : nil
    }

    private enum Upgrade { case upgraded, refused }

    private func open(url: String) async {
        guard let address = URLComponents(string: url), let host = address.host, let port = address.port else {
            finish(accepted: false)
            return
        }
        do {
            let upgrade: EventLoopFuture<Upgrade> = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: 1 << 20) { channel, _ in
                            channel.eventLoop.makeCompletedFuture {
                                try channel.pipeline.syncOperations.addHandler(FrameHandler(socket: self))
                                return .upgraded
                            }
                        }
                        let head = HTTPRequestHead(
                            version: .http1_1, method: .GET, uri: "/socket.io/?EIO=4&transport=websocket",
                            headers: ["Host": "\(host):\(port)", "Content-Length": "0"])
                        let configuration = NIOTypedHTTPClientUpgradeConfiguration<Upgrade>(
                            upgradeRequestHead: head, upgraders: [upgrader],
                            notUpgradingCompletionHandler: { $0.eventLoop.makeSucceededFuture(.refused) })
                        var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: configuration)
                        // The server's Engine.IO open packet can arrive in the same read as its
                        // 101 answer: those bytes go on to the WebSocket decoder, not away.
                        pipeline.leftOverBytesStrategy = .forwardBytes
                        return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: pipeline)
                    }
                }
            if try await upgrade.get() == .refused { finish(accepted: false) }
        } catch {
            finish(accepted: false)
        }
    }

    /// Handles one text message from the server; `reply` sends text back on the same loop.
    fileprivate func handle(_ text: String, arrived: UInt64, reply: (String) -> Void) {
        switch LoadgenPacket.classify(text) {
        case .event(let name): onEvent(name, text, arrived)
        case .ping: reply("3")
        case .open: reply(LoadgenPacket.connect(token: token))
        case .connected: finish(accepted: true)
        case .refused, .close: finish(accepted: false)
        case .ignore: break
        }
    }

    fileprivate func attach(_ channel: any Channel) { self.channel.withLock { $0 = channel } }

    fileprivate func finish(accepted: Bool) { gate.finish(accepted: accepted) }

    var isOpen: Bool { gate.isOpen }

    func emit(_ event: String, json: String) {
        send(LoadgenPacket.event(event, json: json))
    }

    func close() {
        guard let channel = channel.withLock({ $0 }) else { return }
        send("1")
        channel.eventLoop.execute { channel.close(promise: nil) }
    }

    private func send(_ text: String) {
        guard let channel = channel.withLock({ $0 }) else { return }
        channel.eventLoop.execute {
            channel.writeAndFlush(FrameHandler.textFrame(text, allocator: channel.allocator), promise: nil)
        }
    }

    /// The client's end of the WebSocket: text frames in, masked text frames out.
    private final class FrameHandler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = WebSocketFrame
        typealias OutboundOut = WebSocketFrame

        private let socket: LoadgenSocket

        init(socket: LoadgenSocket) { self.socket = socket }

        /// Clients mask what they send (RFC 6455 §5.3); the encoder applies the key.
        static func textFrame(_ text: String, allocator: ByteBufferAllocator) -> WebSocketFrame {
            WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: allocator.buffer(string: text))
        }

        func handlerAdded(context: ChannelHandlerContext) {
            socket.attach(context.channel)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let frame = unwrapInboundIn(data)
            switch frame.opcode {
            case .text:
                let arrived = MonotonicClock.nanoseconds()
                socket.handle(String(buffer: frame.unmaskedData), arrived: arrived) { reply in
                    context.writeAndFlush(wrapOutboundOut(Self.textFrame(reply, allocator: context.channel.allocator)), promise: nil)
                }
            case .ping:
                let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
                context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
            case .connectionClose:
                context.close(promise: nil)
            default:
                break
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            socket.finish(accepted: false)
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
