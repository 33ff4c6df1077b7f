import Logging
import NIOPosix
import ParleyStore

/// `parley-server create-admin`: creates the first super_admin in the configured store.
public enum AdminCommand {
    public enum Outcome: Sendable, Equatable {
        case created(username: String)
        case alreadyPresent
    }

    public static func createAdmin(_ admin: AdminAccount, configuration: AppConfiguration, logger: Logger) async throws -> Outcome {
        let store = try await StoreFactory.open(configuration.store, logger: logger)
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let services = await AppServices(configuration: configuration, store: store, threadPool: threadPool, logger: logger)
        let outcome: Outcome
        do {
            outcome = try await services.users.bootstrapAdmin(admin).map { .created(username: $0.username) } ?? .alreadyPresent
        } catch {
            try? await store.close()
            try? await threadPool.shutdownGracefully()
            throw error
        }
        try await store.close()
        try await threadPool.shutdownGracefully()
        return outcome
    }
}
