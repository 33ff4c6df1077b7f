import NIOCore
import NIOHTTP1

/// Keeps a plain-HTTP connection from being held without progress. It sits right after NIO's
/// request decoder on every connection of both listeners:
/// - between requests a timer runs: the head timeout from accept and from the first byte of a
///   later request (then 408 when part of a head came, a silent close when nothing did), the
///   idle timeout after a response on a kept-alive connection;
/// - while a request body is read, a timer runs only while the socket was asked for more and
///   nothing came (NIO's backpressure holds those asks while the application is busy);
/// - no other timer runs while a request is read or answered, so a long-polling GET waits as
///   long as the application wants;
/// - requests the decoder rejects, or that `HTTPRequestHeadCheck` refuses, are answered 400,
///   414 or 431 in the error envelope, never reaching the router, and the connection closes.
/// `WebSocketUpgradingHTTP1Channel` takes it out of a connection upgraded to a WebSocket:
/// Engine.IO and PeerJS run their own heartbeats there.
final class HTTPRequestGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// How long a refused connection waits for the client to close after the answer.
    static let linger = TimeAmount.seconds(1)

    private let limits: HTTPConnectionLimits
    /// Requests whose head was read and whose response has not ended.
    private var unanswered = 0
    private var readingBody = false
    /// Bytes of the next request head have arrived.
    private var headStarted = false
    /// The current read ended a request: its readComplete is not a next head starting.
    private var requestEndedInThisRead = false
    private var closing = false
    private var timer: Scheduled<Void>?

    init(limits: HTTPConnectionLimits) {
        self.limits = limits
    }

    private var betweenRequests: Bool { unanswered == 0 && !readingBody }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(limits.requestHeadTimeout, context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(limits.requestHeadTimeout, context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            cancelTimer()
            if let refusal = HTTPRequestHeadCheck.refusal(of: head, maxURLBytes: limits.maxURLBytes) {
                refuse(refusal, context)
                return
            }
            unanswered += 1
            readingBody = true
            headStarted = false
            if head.version == .http1_1, head.headers["Expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                // Nothing else answers `Expect`: the client would wait (curl for 1 s) before
                // sending the body, and the body timeout would take that for a stall. As Node's
                // server does by default, tell it to go on at once.
                let goOn = HTTPResponseHead(version: head.version, status: .continue)
                context.writeAndFlush(wrapOutboundOut(.head(goOn)), promise: nil)
            }
        case .body:
            break
        case .end:
            readingBody = false
            requestEndedInThisRead = true
            cancelTimer()
            if betweenRequests { arm(limits.idleTimeout, context) }
        }
        context.fireChannelRead(data)
    }

    /// NIO's decoder passes on every read's end, also of reads it could not yet make a part of:
    /// the first bytes of a request head show here.
    func channelReadComplete(context: ChannelHandlerContext) {
        if readingBody { cancelTimer() }  // the body is still coming
        if betweenRequests, !headStarted, !closing, !requestEndedInThisRead {
            headStarted = true
            arm(limits.requestHeadTimeout, context)
        }
        requestEndedInThisRead = false
        context.fireChannelReadComplete()
    }

    /// The socket is asked for more; while a body is due, it must come within the body timeout.
    func read(context: ChannelHandlerContext) {
        if readingBody, !closing { arm(limits.bodyTimeout, context) }
        context.read()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.code >= 200 && head.isKeepAlive:
            // Tells client pools (Node's, browsers') when an idle connection will be closed, so
            // they stop reusing it before then rather than race the close (as Node's server does).
            head.headers.replaceOrAdd(name: "Keep-Alive", value: "timeout=\(limits.idleTimeout.components.seconds)")
            context.write(wrapOutboundOut(.head(head)), promise: promise)
            return
        case .end where unanswered > 0:
            unanswered -= 1
            if betweenRequests, !closing { arm(limits.idleTimeout, context) }
        default:
            break
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        // The decoder stops at its first error; the connection cannot carry another request.
        if !closing { refuse(HTTPErrorAnswer(parserError: parserError), context) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if closing, let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func timedOut(_ context: ChannelHandlerContext) {
        timer = nil
        guard !closing else { return }
        if readingBody {
            // The application may be answering already: no answer of ours, just the close.
            closing = true
            context.close(promise: nil)
            return
        }
        guard betweenRequests else { return }
        if headStarted {
            refuse(.timeout, context)
        } else {
            closing = true
            context.close(promise: nil)
        }
    }

    /// Answers (unless a response to an earlier request is still being written, which an
    /// answer would corrupt) and closes.
    private func refuse(_ answer: HTTPErrorAnswer, _ context: ChannelHandlerContext) {
        closing = true
        cancelTimer()
        guard unanswered == 0 else {
            context.close(promise: nil)
            return
        }
        answer.write(to: context).assumeIsolated().whenComplete { result in
            guard case .success = result else {
                context.close(promise: nil)
                return
            }
            // Closing only the sending half lets the client read the answer: a full close with
            // request bytes still unread would send RST, on which many clients drop what they
            // received. The client's close (or the linger) ends the connection.
            context.close(mode: .output, promise: nil)
            context.eventLoop.assumeIsolated().scheduleTask(in: Self.linger) { context.close(promise: nil) }
        }
    }

    private func arm(_ delay: Duration, _ context: ChannelHandlerContext) {
        timer?.cancel()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(delay)) { [self] in
            timedOut(context)
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }
}
