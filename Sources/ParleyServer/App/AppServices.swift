import Logging
import NIOPosix
import ParleyStore

/// The services of one running application, built once from the configuration and the store
/// and handed to the controllers (and later to the socket gateways).
public struct AppServices: Sendable {
    public let store: any Store
    public let auth: AuthService
    public let users: UserService

    public init(configuration: AppConfiguration, store: any Store, threadPool: NIOThreadPool) async {
        let hasher = PasswordHasher(cost: configuration.bcryptCost, threadPool: threadPool)
        let tokens = await TokenService(
            accessSecret: configuration.accessTokenSecret, refreshSecret: configuration.refreshTokenSecret,
            accessLifetime: configuration.accessTokenLifetime, refreshLifetime: configuration.refreshTokenLifetime)
        self.store = store
        self.auth = AuthService(
            store: store, tokens: tokens, hasher: hasher, throttle: LoginThrottle(limits: configuration.loginThrottle))
        self.users = UserService(store: store, hasher: hasher)
    }
}
