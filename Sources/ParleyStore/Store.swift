/// One storage engine: every aggregate's repository plus the engine's life cycle.
/// `SQLiteStore` and `MongoStore` both provide this; the app picks one from `DATABASE_URL`.
public protocol Store: Sendable {
    var users: any UserStore { get }
    var sessions: any AuthSessionStore { get }
    var groups: any GroupStore { get }
    var channels: any ChannelStore { get }
    var groupRequests: any GroupRequestStore { get }
    var notifications: any NotificationStore { get }
    var activity: any ActivityStore { get }
    var settings: any SettingsStore { get }
    var messages: any MessageStore { get }
    var reactions: any ReactionStore { get }
    var videoCalls: any VideoCallStore { get }
    var uploads: any UploadStore { get }

    /// A short human name for logs and `/health` ("sqlite", "mongodb").
    var engineName: String { get }
    /// Throws when the engine cannot answer a trivial query.
    func ping() async throws
    /// Releases connections and files. Called once at shutdown.
    func close() async throws
    /// Removes every record of every aggregate (used by `clear-database` and tests).
    /// Returns the number of records removed per collection or table.
    func removeAll() async throws -> [String: Int]
    /// The engine itself, under any wrapper (metrics, …): what engine-specific features such as
    /// MongoDB's GridFS bucket are looked up on.
    var engine: any Store { get }
}

extension Store {
    public var engine: any Store { self }
}
