import Logging
import NIOPosix
import ParleyStore

/// The store and a thread pool (for bcrypt) for one run of a command-line tool
/// (`create-admin`, `seed-sample-data`, `clear-database`), both closed afterwards whether the
/// run succeeds or throws.
enum CommandRuntime {
    static func withStore<Result: Sendable>(
        _ configuration: AppConfiguration, logger: Logger, _ body: (any Store, NIOThreadPool) async throws -> Result
    ) async throws -> Result {
        let store = try await StoreFactory.open(configuration.store, logger: logger)
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let result: Result
        do {
            result = try await body(store, threadPool)
        } catch {
            try? await store.close()
            try? await threadPool.shutdownGracefully()
            throw error
        }
        try await store.close()
        try await threadPool.shutdownGracefully()
        return result
    }
}
