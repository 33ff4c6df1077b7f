import Metrics
import Prometheus
import SocketIO

/// The metrics of one application: its own Prometheus registry (never the process-wide
/// `MetricsSystem`, so several apps in one process — the tests — keep separate counts), and
/// the swift-metrics factory made from it that the layers below record through.
public final class AppMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Requests and store calls are mostly milliseconds; the slow tail matters up to seconds.
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
        ]
        self.registry = registry
        self.factory = factory
    }

    /// For the realtime layer (sessions by transport, events, fan-out, slow consumers).
    public var socketIO: SocketIOMetrics { SocketIOMetrics(factory: factory) }

    /// `route` is the matched route pattern (`/api/groups/:id`), never the raw path: raw paths
    /// carry ids and would make one series per record.
    func httpRequest(route: String, method: String, status: Int, duration: Duration) {
        let dimensions = [("route", route), ("method", method), ("status", String(status))]
        Counter(label: "http_requests_total", dimensions: dimensions, factory: factory).increment()
        Timer(label: "http_request_duration_seconds", dimensions: dimensions, factory: factory).record(duration: duration)
    }

    func storeCall(engine: String, operation: String, duration: Duration) {
        Timer(
            label: "store_call_duration_seconds", dimensions: [("engine", engine), ("operation", operation)], factory: factory
        ).record(duration: duration)
    }

    func loginFailed() {
        Counter(label: "auth_login_failures_total", dimensions: [], factory: factory).increment()
    }

    func loginThrottled() {
        Counter(label: "auth_login_throttled_total", dimensions: [], factory: factory).increment()
    }

    func uploaded(bytes: Int, kind: String) {
        Counter(label: "upload_bytes_total", dimensions: [("kind", kind)], factory: factory).increment(by: bytes)
    }

    /// The Prometheus text exposition of everything recorded so far.
    func exposition() -> String {
        registry.emitToString()
    }
}
