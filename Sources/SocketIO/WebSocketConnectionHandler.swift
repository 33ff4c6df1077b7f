import NIOCore
import NIOWebSocket

/// The last handler of an upgraded WebSocket pipeline: answers control frames and passes
/// whole messages to the connection's delegate. No task runs per connection.
final class WebSocketConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let connection: WebSocketConnection
    /// Makes the delegate once; then dropped, with what it captured (the handshake).
    private var accept: (@Sendable (WebSocketConnection) -> any WebSocketConnectionDelegate)?
    /// Set once the handler is in the pipeline; dropped at close so the delegate, which holds
    /// the connection, does not keep the channel alive.
    private var delegate: (any WebSocketConnectionDelegate)?
    private var closeSent = false

    init(connection: WebSocketConnection, accept: @escaping @Sendable (WebSocketConnection) -> any WebSocketConnectionDelegate) {
        self.connection = connection
        self.accept = accept
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // The delegate may write at once (an Engine.IO open packet), so the handler must be in
        // place before it exists.
        delegate = accept?(connection)
        accept = nil
        if !context.channel.isActive {
            // The client left during the upgrade; `channelInactive` has already gone by.
            let delegate = self.delegate
            self.delegate = nil
            delegate?.webSocketDidClose(connection)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            delegate?.webSocket(connection, didReceive: .text(frame.unmaskedData))
        case .binary:
            delegate?.webSocket(connection, didReceive: .binary(frame.unmaskedData))
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            // Echo the close (RFC 6455 §5.5.1), then let the socket go.
            guard !closeSent else {
                context.close(promise: nil)
                return
            }
            closeSent = true
            var echo = frame.unmaskedData
            WebSocketConnection.close(channel: context.channel, code: echo.readWebSocketErrorCode() ?? .normalClosure)
        default:
            // Pongs need no answer; continuation frames were joined by the aggregator.
            break
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            delegate?.webSocketDidBecomeWritable(connection)
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is ChannelShouldQuiesceEvent:
            // Server shutdown: close, so graceful shutdown does not wait for idle clients.
            WebSocketConnection.close(channel: context.channel, code: .goingAway)
        case ChannelEvent.inputClosed:
            context.close(promise: nil)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Oversized or malformed frames (the protocol error handler already answered with a
        // close frame) and socket errors all end the connection.
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let delegate = self.delegate
        self.delegate = nil
        delegate?.webSocketDidClose(connection)
        context.fireChannelInactive()
    }
}
