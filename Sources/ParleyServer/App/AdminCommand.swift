import Logging
import ParleyStore

/// `parley-server create-admin`: creates the first super_admin in the configured store.
public enum AdminCommand {
    public enum Outcome: Sendable, Equatable {
        case created(username: String)
        case alreadyPresent
    }

    public static func createAdmin(_ admin: AdminAccount, configuration: AppConfiguration, logger: Logger) async throws -> Outcome {
        try await CommandRuntime.withStore(configuration, logger: logger) { store, threadPool in
            let services = await AppServices(configuration: configuration, store: store, threadPool: threadPool, logger: logger)
            return try await services.users.bootstrapAdmin(admin).map { .created(username: $0.username) } ?? .alreadyPresent
        }
    }
}
