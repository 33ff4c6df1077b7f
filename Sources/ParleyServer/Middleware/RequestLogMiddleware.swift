import Hummingbird
import Logging

/// Outermost: gives the request its id (echoed in `X-Request-Id`, carried by every log line
/// of the request), then writes one log line and records the HTTP metrics: method, route
/// pattern, path (without the query, which may carry secrets), status, duration, user id.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let metrics: AppMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        // Hummingbird's own key, so `context.id` and its internal lines agree with ours.
        let id = RequestIdentifier.accepted(request.headers[RequestIdentifier.header]) ?? context.id
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        do {
            var response = try await next(request, context)
            response.headers[RequestIdentifier.header] = id
            record(request, context: context, status: Int(response.status.code), start: start)
            return response
        } catch {
            // Only errors that escaped the envelope middleware land here (none should).
            record(request, context: context, status: (error as? HTTPError).map { Int($0.status.code) } ?? 500, start: start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        // Unmatched requests (404s, scans) share one label: their paths are unbounded.
        let route = context.endpointPath ?? "unmatched"
        metrics.httpRequest(route: route, method: request.method.rawValue, status: status, duration: elapsed)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        // Long-polling requests arrive every few seconds per socket: not worth a line each.
        let level: Logger.Level = request.uri.path.hasPrefix("/socket.io/") ? .debug : .info
        var metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "route": .string(route),
            "status": .stringConvertible(status),
            "duration_ms": .string(String(format: "%.1f", milliseconds)),
        ]
        if let user = context.trace.userId { metadata["user_id"] = .string(user) }
        context.logger.log(level: level, "request", metadata: metadata)
    }
}
