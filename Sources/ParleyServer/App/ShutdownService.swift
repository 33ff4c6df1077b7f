import NIOPosix
import ParleyStore
import ServiceLifecycle

/// Closes the store and the worker threads after the HTTP server has drained. Registered
/// before the server, so the service group shuts it down after the server (reverse order).
struct ShutdownService: Service {
    let store: any Store
    let threadPool: NIOThreadPool

    func run() async throws {
        // Returns when SIGINT/SIGTERM starts a graceful shutdown; throws if cancelled instead.
        try? await gracefulShutdown()
        try await store.close()
        try await threadPool.shutdownGracefully()
    }
}
