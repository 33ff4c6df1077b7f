import Hummingbird

/// `/health/live`, `/health/ready` (open, for orchestrators) and `/metrics` (bearer token
/// when `METRICS_TOKEN` is set).
enum HealthRoutes {
    static func add(to router: Router<AppRequestContext>, health: HealthController, metrics: MetricsController) {
        router.get("health/live", use: health.live)
        router.get("health/ready", use: health.ready)
        router.get("metrics", use: metrics.scrape)
    }
}
