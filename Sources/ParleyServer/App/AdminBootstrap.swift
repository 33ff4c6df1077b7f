import Logging
import ParleyStore
import ServiceLifecycle

/// Creates the first super_admin from `PARLEY_ADMIN_*`. Start-up tries once; when the store
/// cannot be reached then (MongoDB not up yet), the server starts anyway, like the index
/// creation does, and this service tries again every `retryInterval` until the store answers,
/// instead of the process dying. Invalid settings are still refused before start-up.
struct AdminBootstrap: Service {
    let admin: AdminAccount
    let users: UserService
    let logger: Logger
    var retryInterval: Duration = .seconds(5)

    /// One attempt. True when done (created, or a super_admin already exists); false when the
    /// store is unreachable and a later attempt is needed. Any other failure is thrown.
    func attempt() async throws -> Bool {
        do {
            if let created = try await users.bootstrapAdmin(admin) {
                logger.notice("created the first super_admin", metadata: ["username": .string(created.username)])
            }
            return true
        } catch StoreError.unavailable(let reason) {
            logger.warning(
                "the store is not reachable; the first super_admin will be created once it answers",
                metadata: ["reason": .string(reason)])
            return false
        }
    }

    func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: retryInterval)
                if Task.isCancelled { return }
                do {
                    if try await attempt() { return }
                } catch {
                    logger.error("the first super_admin could not be created", metadata: ["error": .string("\(error)")])
                    return
                }
            }
        }
        // A service that returns early would stop the whole application: wait for shutdown.
        try? await gracefulShutdown()
    }
}
