import Hummingbird
import NIOCore

extension EngineServer {
    /// Answers an HTTP request on the mount path: handshake, long-polling GET/POST, CORS
    /// preflight, and the reference server's error answers.
    public func respond(to request: Request) async -> Response {
        if request.method == .options {
            return response(status: .noContent, contentType: nil, body: ByteBuffer(), request: request)
        }
        let query = Self.query(of: request.uri)
        guard let transport = query["transport"], transport == "polling" || transport == "websocket" else {
            return errorResponse(.unknownTransport, request: request)
        }
        guard query["EIO"] == "4" else {
            return errorResponse(.unsupportedProtocolVersion, request: request)
        }
        guard let sid = query["sid"] else {
            guard request.method == .get else { return errorResponse(.badHandshakeMethod, request: request) }
            // A WebSocket handshake that reached plain HTTP lacks its Upgrade header.
            guard transport == "polling" else { return errorResponse(.badRequest, request: request) }
            let handshake = EngineHandshakeRequest(
                headers: request.headers, queryParameters: HandshakeQuery(of: request.uri), authority: request.head.authority)
            let session = openSession(handshake: handshake, transport: .polling, webSocketID: nil)
            return await pollResponse(session: session, request: request)
        }
        guard let session = session(id: sid) else { return errorResponse(.unknownSessionID, request: request) }
        guard transport == "polling" else { return errorResponse(.badRequest, request: request) }
        switch request.method {
        case .get:
            return await pollResponse(session: session, request: request)
        case .post:
            return await postResponse(session: session, request: request)
        default:
            return errorResponse(.badRequest, request: request)
        }
    }

    private func pollResponse(session: EngineSession, request: Request) async -> Response {
        switch await session.poll() {
        case .frames(let frames):
            return response(
                status: .ok, contentType: "text/plain; charset=UTF-8",
                body: EnginePayloadCodec.encode(frames), request: request
            )
        case .rejected(let error):
            return errorResponse(error, request: request)
        }
    }

    private func postResponse(session: EngineSession, request: Request) async -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: configuration.maxPayload)
        } catch {
            // Over maxPayload (or the client went away mid-body): refuse and drop the session.
            session.close(reason: .transportError)
            return response(status: .contentTooLarge, contentType: nil, body: ByteBuffer(), request: request)
        }
        if let error = await session.post(body, delegate: delegate) {
            return errorResponse(error, request: request)
        }
        return response(status: .ok, contentType: "text/html", body: ByteBuffer(string: "ok"), request: request)
    }

    func errorResponse(_ error: EngineHTTPError, request: Request) -> Response {
        response(
            status: .init(code: error.status), contentType: "application/json",
            body: ByteBuffer(string: error.jsonBody), request: request
        )
    }

    private func response(status: HTTPResponse.Status, contentType: String?, body: ByteBuffer, request: Request)
        -> Response
    {
        var headers = HTTPFields()
        if let contentType { headers[.contentType] = contentType }
        if let origin = configuration.corsOrigin {
            headers[.accessControlAllowOrigin] = origin
            if origin != "*" {
                headers[.accessControlAllowCredentials] = "true"
                headers[.vary] = "Origin"
            }
            if request.method == .options {
                headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
                if let requested = request.headers[.accessControlRequestHeaders] {
                    headers[.accessControlAllowHeaders] = requested
                }
            }
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
