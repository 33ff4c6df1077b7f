/// Records how long one store call took, by engine and operation, failed calls included (an
/// outage shows as slow or many calls, which is what the histogram is for).
struct StoreTimer: Sendable {
    let engine: String
    let metrics: AppMetrics

    func time<Result>(_ operation: String, _ body: () async throws -> Result) async throws -> Result {
        let start = ContinuousClock.now
        defer { metrics.storeCall(engine: engine, operation: operation, duration: ContinuousClock.now - start) }
        return try await body()
    }
}
