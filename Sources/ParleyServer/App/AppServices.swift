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
    public let messages: MessageService
    public let reactions: ReactionService
    public let replies: ReplyService
    public let calls: VideoCallService
    public let events: any EventBus
    let hasher: PasswordHasher
    /// Where accepted uploads are kept; the upload service and the admin statistics share it.
    let uploadStorage: any UploadStorage
    let uploadFolder: UploadFolder

    public init(
        configuration: AppConfiguration, store: any Store, threadPool: NIOThreadPool, logger: Logger,
        events: any EventBus = InProcessEventBus(), connections: any OpenConnectionCounter = NoOpenConnections(),
        loginThrottle: (any LoginThrottling)? = nil, metrics: AppMetrics = AppMetrics()
    ) async {
        let hasher = PasswordHasher(cost: configuration.bcryptCost, threadPool: threadPool)
        let tokens = await TokenService(
            accessSecret: configuration.accessTokenSecret, refreshSecret: configuration.refreshTokenSecret,
            accessLifetime: configuration.accessTokenLifetime, refreshLifetime: configuration.refreshTokenLifetime)
        let recorder = ActivityRecorder(store: store.activity, logger: logger)
        // Every event published here, or arriving from another node, drops what it makes stale.
        let callers = CallerCache()
        (events as? RedisEventBus)?.observeRemoteEvents(arrived: callers.invalidate(for:), lost: callers.forgetAll)
        let events: any EventBus = CacheInvalidatingEventBus(base: events, cache: callers)
        let revoker = SessionRevoker(store: store, cache: LiveSessionCache(), events: events)
        self.store = store
        self.auth = AuthService(
            store: store, tokens: tokens, hasher: hasher, throttle: loginThrottle ?? LoginThrottle(limits: configuration.loginThrottle),
            activity: recorder, sessions: revoker, metrics: metrics, callers: callers)
        self.hasher = hasher
        self.users = UserService(store: store, hasher: hasher, events: events, callers: callers)
        let notifications = NotificationService(store: store.notifications, logger: logger)
        let groups = GroupService(store: store, activity: recorder, notifications: notifications, events: events, callers: callers)
        let channels = ChannelService(store: store, groups: groups, activity: recorder, events: events, callers: callers)
        self.notifications = notifications
        self.groups = groups
        self.channels = channels
        self.groupRequests = GroupRequestService(store: store, groups: groups, activity: recorder, notifications: notifications)
        self.activity = ActivityService(store: store)
        self.client = ClientService(
            store: store, users: users, channels: channels, notifications: notifications, activity: recorder, sessionRevoker: revoker)
        let messages = MessageService(
            store: store, channels: channels, notifications: notifications, activity: recorder, events: events)
        self.events = events
        self.messages = messages
        self.reactions = ReactionService(store: store, messages: messages, events: events)
        self.replies = ReplyService(store: store, messages: messages)
        self.calls = VideoCallService(
            store: store, channels: channels, notifications: notifications, events: events, ringTimeout: configuration.realtime.ringTimeout)
        let uploadFolder = UploadFolder(root: configuration.uploadDirectory, threadPool: threadPool)
        let uploadStorage = UploadStorageFactory.make(configuration.uploadStorage, store: store, folder: uploadFolder, logger: logger)
        self.uploadFolder = uploadFolder
        self.uploadStorage = uploadStorage
        let usage = SystemUsageProbe(
            dataFolder: configuration.store.localDataFolder, uploads: uploadStorage, threadPool: threadPool,
            connections: connections)
        self.admin = AdminService(
            store: store, users: users, groups: groups, channels: channels, messages: messages, activity: recorder, usage: usage)
    }
}
