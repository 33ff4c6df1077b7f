import Crypto
import Foundation
import Hummingbird
import ParleyCore

/// `GET /metrics`: the Prometheus text exposition. Open unless `METRICS_TOKEN` is set; then
/// the bearer token must match.
struct MetricsController: Sendable {
    let metrics: AppMetrics
    let token: String?

    func scrape(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token {
            // The header only: the `accessToken` cookie the API takes is a user's, not this.
            guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
                Self.same(String(header.dropFirst("Bearer ".count)), token)
            else {
                throw DomainError.unauthenticated("Metrics token required")
            }
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
    }

    /// Compares digests byte by byte without stopping early, so the time taken says nothing
    /// about how much of the token was right (or how long it is).
    static func same(_ presented: String, _ expected: String) -> Bool {
        let left = Array(SHA256.hash(data: Data(presented.utf8)))
        let right = Array(SHA256.hash(data: Data(expected.utf8)))
        var difference: UInt8 = 0
        for (a, b) in zip(left, right) { difference |= a ^ b }
        return difference == 0
    }
}
