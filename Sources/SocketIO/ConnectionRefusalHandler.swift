import NIOCore
import NIOHTTP1

/// The whole pipeline of a connection over the limit (behind an `HTTPResponseEncoder`):
/// answers 503 with `Retry-After` as soon as the connection is up and closes it at once, so a
/// refusal never keeps its descriptor waiting for the client.
final class ConnectionRefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = HTTPServerResponsePart

    func channelActive(context: ChannelHandlerContext) {
        HTTPErrorAnswer.tooManyConnections.write(to: context).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Whatever the client sent is not read: the answer does not depend on it.
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
