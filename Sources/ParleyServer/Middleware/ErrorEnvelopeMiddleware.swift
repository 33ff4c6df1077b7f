import Foundation
import Hummingbird
import Logging
import ParleyCore
import ParleyStore

/// Turns every error thrown below it — domain errors, the router's "no route", body limits,
/// store outages, unexpected faults — into the one error envelope. Internal details go to the
/// log with the request id, never to the client.
struct ErrorEnvelopeMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DomainError {
            var response = Self.response(status: error.statusCode, body: ErrorBody(message: error.message, code: error.code, errors: Self.fields(of: error)))
            if case .tooManyRequests(_, let seconds) = error {
                response.headers[.retryAfter] = String(seconds)
            }
            return response
        } catch let error as HTTPError {
            return Self.response(for: error, request: request)
        } catch let error as RequestAborted {
            context.logger.notice("\(error.what) aborted by client", metadata: ["reason": .string(error.reason)])
            return Self.response(status: 400, body: ErrorBody(message: "The request was aborted", code: "REQUEST_ABORTED", errors: nil))
        } catch StoreError.unavailable(let detail) {
            context.logger.error("store unavailable", metadata: ["error": .string(detail)])
            return Self.response(status: 503, body: ErrorBody(message: "Service temporarily unavailable", code: "SERVICE_UNAVAILABLE", errors: nil))
        } catch StoreError.rejected(let detail) {
            // A bug, not an outage: the log names the command and the server's error.
            context.logger.error("store rejected a command", metadata: ["error": .string(detail)])
            return Self.response(status: 500, body: ErrorBody(message: "Internal server error", code: "INTERNAL_ERROR", errors: nil))
        } catch {
            context.logger.error("unhandled error", metadata: ["error": .string(String(reflecting: error))])
            return Self.response(status: 500, body: ErrorBody(message: "Internal server error", code: "INTERNAL_ERROR", errors: nil))
        }
    }

    private static func fields(of error: DomainError) -> [FieldError]? {
        if case .validation(_, let fields) = error { return fields }
        return nil
    }

    private static func response(for error: HTTPError, request: Request) -> Response {
        switch error.status {
        case .notFound:
            // The old server's catch-all wording; originalUrl includes the query string.
            return response(status: 404, body: ErrorBody(message: "Route \(request.uri) not found on this server!", code: "NOT_FOUND", errors: nil))
        case .contentTooLarge:
            return response(status: 413, body: ErrorBody(message: "Request body is too large", code: "PAYLOAD_TOO_LARGE", errors: nil))
        case .methodNotAllowed:
            return response(status: 405, body: ErrorBody(message: "Method not allowed", code: "METHOD_NOT_ALLOWED", errors: nil))
        default:
            let status = Int(error.status.code)
            let message = status >= 500 ? "Internal server error" : (error.body ?? error.status.reasonPhrase)
            return response(status: status, body: ErrorBody(message: message, code: status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST", errors: nil))
        }
    }

    static func response(status: Int, body: ErrorBody) -> Response {
        var body = body
        body.statusCode = status
        let encoder = JSONEncoder()
        let data = (try? encoder.encode(body)) ?? Data(#"{"success":false,"status":"error","message":"Internal server error","code":"INTERNAL_ERROR"}"#.utf8)
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
