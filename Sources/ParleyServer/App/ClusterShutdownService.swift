import ServiceLifecycle

/// Closes the Redis connections after the HTTP server has drained (registered before it).
struct ClusterShutdownService: Service {
    let link: ClusterLink

    func run() async throws {
        try? await gracefulShutdown()
        await link.shutdown()
    }
}
