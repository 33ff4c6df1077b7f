import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import NIOWebSocket

/// An HTTP/1 child channel whose WebSocket upgrades are event-driven.
///
/// Hummingbird's own WebSocket channel keeps an async task (and its suspended frames) alive for
/// every open WebSocket; with tens of thousands of idle chat clients that is most of the memory
/// a connection costs. Here an upgraded connection is a plain NIO pipeline ending in
/// `WebSocketConnectionHandler`, and the server's per-connection task ends at the upgrade.
/// Plain HTTP requests are served by the responder exactly as `HTTP1Channel` serves them.
public struct WebSocketUpgradingHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    public enum UpgradeResult: Sendable {
        case websocket
        case notUpgraded(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        case failedUpgrade(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        /// Over the connection limit: answered 503 and closed by `ConnectionRefusalHandler`.
        case refused
    }

    public struct Value: ServerChildChannelValue {
        let upgradeResult: EventLoopFuture<UpgradeResult>
        public let channel: any Channel
    }

    public let responder: HTTPChannelHandler.Responder
    private let http1: HTTP1Channel.Configuration
    private let maxFrameSize: Int
    private let protection: HTTPServerProtection
    private let shouldUpgrade: @Sendable (HTTPRequest) -> WebSocketUpgradeDecision

    /// - Parameters:
    ///   - maxFrameSize: the largest message accepted, fragments joined; larger ones close the
    ///     connection with 1009.
    ///   - protection: timeouts, request limits and the connection count, shared by every
    ///     listener of the process.
    ///   - shouldUpgrade: decides each upgrade request, on the event loop; must not block.
    public init(
        responder: @escaping HTTPChannelHandler.Responder, http1: HTTP1Channel.Configuration = .init(),
        maxFrameSize: Int, protection: HTTPServerProtection,
        shouldUpgrade: @escaping @Sendable (HTTPRequest) -> WebSocketUpgradeDecision
    ) {
        self.responder = Self.redirectingLateUpgrades(responder)
        self.http1 = http1
        self.maxFrameSize = maxFrameSize
        self.protection = protection
        self.shouldUpgrade = shouldUpgrade
    }

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let protection = self.protection
        guard protection.admit() else {
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandlers(HTTPResponseEncoder(), ConnectionRefusalHandler())
                return Value(upgradeResult: channel.eventLoop.makeSucceededFuture(.refused), channel: channel)
            }
        }
        channel.closeFuture.whenComplete { _ in protection.release() }
        return channel.eventLoop.makeCompletedFuture {
            // Each channel keeps its receive buffer between reads. NIO starts it at 2 KB; chat
            // sockets mostly carry messages of a few hundred bytes and tens of thousands of them
            // sit idle, so start small and let NIO grow it for connections that read more.
            try channel.syncOptions?.setOption(ChannelOptions.recvAllocator, value: Self.receiveBuffers)
            let attempted = NIOLoopBoundBox(false, eventLoop: channel.eventLoop)
            let accepted = NIOLoopBoundBox<(@Sendable (WebSocketConnection) -> any WebSocketConnectionDelegate)?>(
                nil, eventLoop: channel.eventLoop
            )
            let maxFrameSize = self.maxFrameSize
            let upgrader = NIOTypedWebSocketServerUpgrader<UpgradeResult>(
                maxFrameSize: maxFrameSize,
                shouldUpgrade: { channel, head in
                    attempted.value = true
                    let request: HTTPRequest
                    do {
                        request = try HTTPRequest(head, secure: false, splitCookie: false)
                    } catch {
                        return channel.eventLoop.makeFailedFuture(error)
                    }
                    switch self.shouldUpgrade(request) {
                    case .dontUpgrade:
                        return channel.eventLoop.makeSucceededFuture(nil)
                    case .upgrade(let fields, let accept):
                        // The guard reads HTTP parts only and its timeouts are for HTTP: it
                        // leaves before NIO removes the decoder, which hands on unread bytes.
                        let guardContext = try? channel.pipeline.syncOperations.context(handlerType: HTTPRequestGuard.self)
                        if let guardContext { channel.pipeline.syncOperations.removeHandler(context: guardContext, promise: nil) }
                        accepted.value = accept
                        return channel.eventLoop.makeSucceededFuture(HTTPHeaders(fields))
                    }
                },
                upgradePipelineHandler: { channel, _ in
                    channel.eventLoop.makeCompletedFuture {
                        guard let accept = accepted.value else { throw ChannelError.inappropriateOperationForState }
                        accepted.value = nil
                        try channel.pipeline.syncOperations.addHandler(
                            NIOWebSocketFrameAggregator(
                                minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: 1024,
                                maxAccumulatedFrameSize: maxFrameSize
                            )
                        )
                        let encoder = try channel.pipeline.syncOperations.context(handlerType: WebSocketFrameEncoder.self)
                        let connection = WebSocketConnection(channel: channel, encoderContext: encoder)
                        try channel.pipeline.syncOperations.addHandler(
                            WebSocketConnectionHandler(connection: connection, accept: accept)
                        )
                        return UpgradeResult.websocket
                    }
                }
            )
            let http1 = self.http1
            let upgradeConfiguration = NIOTypedHTTPServerUpgradeConfiguration(
                upgraders: [upgrader],
                notUpgradingCompletionHandler: { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
                        try channel.pipeline.syncOperations.addHandlers(http1.additionalChannelHandlers())
                        try channel.pipeline.syncOperations.addHandler(
                            HTTPConnectionStateHandler(idleTimeout: http1.idleTimeout.map { Duration($0) }, logger: logger)
                        )
                        let asyncChannel = try NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>(
                            wrappingChannelSynchronously: channel,
                            configuration: .init(isOutboundHalfClosureEnabled: true)
                        )
                        return attempted.value ? .failedUpgrade(asyncChannel) : .notUpgraded(asyncChannel)
                    }
                }
            )
            var configuration = NIOUpgradableHTTPServerPipelineConfiguration<UpgradeResult>(
                upgradeConfiguration: upgradeConfiguration
            )
            configuration.enablePipelining = false  // NIOAsyncChannel serves one request at a time
            configuration.enableErrorHandling = false  // HTTPRequestGuard answers parse errors
            configuration.enableResponseHeaderValidation = false  // HTTPTypes validates already
            // The request line counts as a field too: a URL over this limit is a 431.
            configuration.decoderConfiguration.maxHeaderFieldSize = protection.limits.maxHeaderBytes
            configuration.decoderConfiguration.maxHeaderListSize = protection.limits.maxHeaderBytes
            configuration.decoderConfiguration.maxHeaderFieldCount = http1.httpDecoder.maxHeaderFieldCount
            let result = try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(
                configuration: configuration
            )
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(
                HTTPRequestGuard(limits: protection.limits), position: .after(decoder))
            return Value(upgradeResult: result, channel: channel)
        }
    }

    static let receiveBuffers = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 512, maximum: 64 * 1024)

    /// An application server builder with this channel: HTTP/1 for the router, WebSocket
    /// upgrades as `shouldUpgrade` decides.
    public static func serverBuilder(
        maxFrameSize: Int, protection: HTTPServerProtection = HTTPServerProtection(),
        shouldUpgrade: @escaping @Sendable (HTTPRequest) -> WebSocketUpgradeDecision
    ) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            WebSocketUpgradingHTTP1Channel(
                responder: responder, maxFrameSize: maxFrameSize, protection: protection, shouldUpgrade: shouldUpgrade)
        }
    }

    public func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.upgradeResult.get() {
            case .notUpgraded(let http1):
                await handleHTTP(asyncChannel: http1, logger: logger)
            case .failedUpgrade(let http1):
                await Self.refuseUpgrade(on: http1, logger: logger)
            case .websocket, .refused:
                // The connection lives on in its pipeline (or is closing); no task needs to wait for it.
                return
            }
        } catch let error as ChannelError where error == .inputClosed {
            logger.trace("Connection closed before its first request")
        } catch {
            logger.debug("Upgrade failed", metadata: ["error": "\(error)"])
        }
    }

    /// A request that asked for a WebSocket nobody serves: 400 and close.
    private static func refuseUpgrade(on channel: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>, logger: Logger) async {
        do {
            try await channel.executeThenClose { _, outbound in
                let head = HTTPResponse(status: .badRequest, headerFields: [.connection: "close", .contentLength: "0"])
                try await outbound.write(contentsOf: [.head(head), .end(nil)])
            }
        } catch {
            logger.trace("Could not answer a refused upgrade: \(error)")
        }
    }

    /// NIO only upgrades on a connection's first request. A later request on a kept-alive
    /// connection that asks for a WebSocket is redirected to the same URI with the connection
    /// closed, so the client retries on a fresh connection (as Hummingbird's channel does).
    private static func redirectingLateUpgrades(_ responder: @escaping HTTPChannelHandler.Responder) -> HTTPChannelHandler.Responder {
        struct RedirectedUpgrade: Error {}
        return { request, writer, channel in
            guard request.headers[.upgrade]?.lowercased() == "websocket" else {
                try await responder(request, writer, channel)
                return
            }
            var location = request.uri.path
            if let query = request.uri.query { location += "?\(query)" }
            let response = HTTPResponse(status: .temporaryRedirect, headerFields: [.connection: "close", .location: location])
            try await writer.writeResponse(response)
            throw RedirectedUpgrade()
        }
    }
}
