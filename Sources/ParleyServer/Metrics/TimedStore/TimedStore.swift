import ParleyStore

/// Wraps whichever engine was opened so that every repository call is timed once, here,
/// instead of in each engine's files. Everything else passes straight through.
struct TimedStore: Store {
    let base: any Store
    let users: any UserStore
    let sessions: any AuthSessionStore
    let groups: any GroupStore
    let channels: any ChannelStore
    let groupRequests: any GroupRequestStore
    let notifications: any NotificationStore
    let activity: any ActivityStore
    let settings: any SettingsStore
    let messages: any MessageStore
    let reactions: any ReactionStore
    let videoCalls: any VideoCallStore
    let uploads: any UploadStore
    private let timer: StoreTimer

    init(_ base: any Store, metrics: AppMetrics) {
        let timer = StoreTimer(engine: base.engineName, metrics: metrics)
        self.base = base
        self.timer = timer
        users = TimedUserStore(base: base.users, timer: timer)
        sessions = TimedAuthSessionStore(base: base.sessions, timer: timer)
        groups = TimedGroupStore(base: base.groups, timer: timer)
        channels = TimedChannelStore(base: base.channels, timer: timer)
        groupRequests = TimedGroupRequestStore(base: base.groupRequests, timer: timer)
        notifications = TimedNotificationStore(base: base.notifications, timer: timer)
        activity = TimedActivityStore(base: base.activity, timer: timer)
        settings = TimedSettingsStore(base: base.settings, timer: timer)
        messages = TimedMessageStore(base: base.messages, timer: timer)
        reactions = TimedReactionStore(base: base.reactions, timer: timer)
        videoCalls = TimedVideoCallStore(base: base.videoCalls, timer: timer)
        uploads = TimedUploadStore(base: base.uploads, timer: timer)
    }

    var engineName: String { base.engineName }
    var engine: any Store { base.engine }

    func ping() async throws {
        try await timer.time("ping") { try await base.ping() }
    }

    func close() async throws {
        try await base.close()
    }

    func removeAll() async throws -> [String: Int] {
        try await base.removeAll()
    }
}
