import NIOCore
import NIOHTTP1

/// An error answer written below the router, in the contract's envelope
/// `{success:false,status:"error",message,code}`, always with `Connection: close`.
struct HTTPErrorAnswer: Equatable {
    let status: HTTPResponseStatus
    /// Fixed texts only (they are put into the JSON without escaping).
    let message: String
    let code: String
    var retryAfterSeconds: Int?

    static func badRequest(_ message: String) -> HTTPErrorAnswer {
        HTTPErrorAnswer(status: .badRequest, message: message, code: "BAD_REQUEST")
    }

    static let timeout = HTTPErrorAnswer(
        status: .requestTimeout, message: "Request head not received in time", code: "REQUEST_TIMEOUT")
    static let urlTooLong = HTTPErrorAnswer(status: .uriTooLong, message: "Request URL is too long", code: "URI_TOO_LONG")
    static let headersTooLarge = HTTPErrorAnswer(
        status: .requestHeaderFieldsTooLarge, message: "Request header fields are too large", code: "HEADERS_TOO_LARGE")
    static let tooManyConnections = HTTPErrorAnswer(
        status: .serviceUnavailable, message: "Too many open connections, try again shortly", code: "SERVICE_UNAVAILABLE",
        retryAfterSeconds: 5)

    /// The answer to a request NIO's decoder could not parse.
    init(parserError: HTTPParserError) {
        switch parserError {
        case .headerOverflow: self = .headersTooLarge
        case .invalidMethod: self = .badRequest("Unknown HTTP method")
        case .invalidVersion: self = .badRequest("Unsupported HTTP version")
        case .invalidContentLength, .unexpectedContentLength: self = .badRequest("Invalid or conflicting Content-Length")
        case .invalidURL, .invalidPath, .invalidQueryString, .invalidFragment, .invalidHost, .invalidPort:
            self = .badRequest("Invalid request target")
        default: self = .badRequest("Malformed HTTP request")
        }
    }

    init(status: HTTPResponseStatus, message: String, code: String, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.message = message
        self.code = code
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Writes the answer through an `HTTPResponseEncoder` below `context`; the returned
    /// future completes once it is flushed.
    func write(to context: ChannelHandlerContext) -> EventLoopFuture<Void> {
        var body = context.channel.allocator.buffer(capacity: 96 + message.utf8.count)
        body.writeString(#"{"success":false,"status":"error","message":"\#(message)","code":"\#(code)"}"#)
        var headers = HTTPHeaders([
            ("Content-Type", "application/json; charset=utf-8"), ("Content-Length", String(body.readableBytes)),
            ("Connection", "close"),
        ])
        if let retryAfterSeconds { headers.add(name: "Retry-After", value: String(retryAfterSeconds)) }
        let head = HTTPResponseHead(version: .http1_1, status: status, headers: headers)
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(body))), promise: nil)
        return context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
    }
}
