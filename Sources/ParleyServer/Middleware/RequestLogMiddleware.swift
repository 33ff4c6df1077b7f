import Hummingbird
import Logging

/// One log line per request: method, path (without the query, which may carry secrets),
/// status, duration and the request id that every other log line of the request carries too.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: Int(response.status.code), start: start)
            return response
        } catch {
            // Only errors that escaped the envelope middleware land here (none should).
            log(request, context: context, status: (error as? HTTPError).map { Int($0.status.code) } ?? 500, start: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        // Long-polling requests arrive every few seconds per socket: not worth a line each.
        let level: Logger.Level = request.uri.path.hasPrefix("/socket.io/") ? .debug : .info
        context.logger.log(
            level: level, "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.1f", milliseconds)),
            ])
    }
}
