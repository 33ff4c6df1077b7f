import Logging
import NIOPosix
import ParleyStore

/// The services of one running application, built once from the configuration and the store
/// and handed to the controllers (and later to the socket gateways).
public struct AppServices: Sendable {
    public let store: any Store
    public let auth: AuthService
    public let users: UserService
    public let groups: GroupService
    public let channels: ChannelService
    public let groupRequests: GroupRequestService
    public let notifications: NotificationService
    public let activity: ActivityService
    public let client: ClientService
    public let admin: AdminService
    let hasher: PasswordHasher

    public init(configuration: AppConfiguration, store: any Store, threadPool: NIOThreadPool, logger: Logger) async {
        let hasher = PasswordHasher(cost: configuration.bcryptCost, threadPool: threadPool)
        let tokens = await TokenService(
            accessSecret: configuration.accessTokenSecret, refreshSecret: configuration.refreshTokenSecret,
            accessLifetime: configuration.accessTokenLifetime, refreshLifetime: configuration.refreshTokenLifetime)
        self.store = store
        self.auth = AuthService(
            store: store, tokens: tokens, hasher: hasher, throttle: LoginThrottle(limits: configuration.loginThrottle))
        self.hasher = hasher
        self.users = UserService(store: store, hasher: hasher)
        let recorder = ActivityRecorder(store: store.activity, logger: logger)
        let notifications = NotificationService(store: store.notifications, logger: logger)
        let groups = GroupService(store: store, activity: recorder, notifications: notifications)
        let channels = ChannelService(store: store, groups: groups, activity: recorder)
        self.notifications = notifications
        self.groups = groups
        self.channels = channels
        self.groupRequests = GroupRequestService(store: store, groups: groups, activity: recorder, notifications: notifications)
        self.activity = ActivityService(store: store)
        self.client = ClientService(store: store, users: users, channels: channels, notifications: notifications, activity: recorder)
        self.admin = AdminService(store: store, users: users, groups: groups, channels: channels, activity: recorder)
    }
}
