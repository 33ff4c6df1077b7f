import Logging
import ParleyStore

/// The MongoDB engine (libmongoc). Create it with `connect(url:logger:threads:)` and call
/// `close()` once at shutdown.
public final class MongoStore: Store {
    public let users: any UserStore
    public let sessions: any AuthSessionStore
    public let groups: any GroupStore
    public let channels: any ChannelStore
    public let groupRequests: any GroupRequestStore
    public let notifications: any NotificationStore
    public let activity: any ActivityStore
    public let settings: any SettingsStore
    public let messages: any MessageStore
    public let reactions: any ReactionStore
    public let videoCalls: any VideoCallStore
    public let uploads: any UploadStore
    public var engineName: String { "mongodb" }
    /// The database named in the URL's path, or "parley".
    public let databaseName: String

    /// Internal so that live tests can write old-server documents directly.
    let connection: MongoConnection
    /// Typed, for the search-grams backfill started by `connect`.
    private let messageStore: MongoMessageStore

    private init(connection: MongoConnection, indexes: IndexGate) {
        self.connection = connection
        self.databaseName = connection.databaseName
        func collection(_ name: String) -> MongoCollection { MongoCollection(connection: connection, name: name) }
        self.users = MongoUserStore(collection: collection(UserDocuments.collection), indexes: indexes)
        self.sessions = MongoAuthSessionStore(collection: collection(AuthSessionDocuments.collection))
        self.groups = MongoGroupStore(
            groups: collection(GroupDocuments.collection), users: collection(UserDocuments.collection),
            channels: collection(ChannelDocuments.collection), indexes: indexes)
        self.channels = MongoChannelStore(collection: collection(ChannelDocuments.collection), indexes: indexes)
        self.groupRequests = MongoGroupRequestStore(collection: collection(GroupRequestDocuments.collection), indexes: indexes)
        self.notifications = MongoNotificationStore(collection: collection(NotificationDocuments.collection))
        self.activity = MongoActivityStore(collection: collection(ActivityDocuments.collection))
        self.settings = MongoSettingsStore(collection: collection(UserSettingsDocuments.collection))
        let messageStore = MongoMessageStore(
            messages: collection(MessageDocuments.collection), edits: collection(MessageEditDocuments.collection),
            readState: collection(ReadStateDocuments.collection), indexes: indexes)
        self.messageStore = messageStore
        self.messages = messageStore
        self.reactions = MongoReactionStore(collection: collection(ReactionDocuments.collection), indexes: indexes)
        self.videoCalls = MongoVideoCallStore(collection: collection(VideoCallDocuments.collection))
        self.uploads = MongoUploadStore(collection: collection(UploadDocuments.collection), indexes: indexes)
    }

    /// Opens a client pool of `threads` clients served by as many threads, and creates the
    /// indexes. An unreachable server does not fail start-up: it is logged, and every call
    /// then throws `StoreError.unavailable` until the server answers (the indexes are created
    /// before the first user write). Any other index failure — for example old data holding
    /// two users whose names differ only in case — does fail start-up, since uniqueness could
    /// not be guaranteed.
    public static func connect(url: String, logger: Logger, threads: Int = 8) async throws -> MongoStore {
        let connection = try await MongoConnection.open(url: url, threads: threads)
        let indexes = IndexGate(connection: connection, logger: logger)
        let store = MongoStore(connection: connection, indexes: indexes)
        do {
            try await indexes.ensure()
            store.startSearchGramsBackfill(logger: logger)
        } catch StoreError.unavailable(let reason) {
            logger.warning(
                "MongoDB is not reachable; starting anyway, indexes will be created before the first write",
                metadata: ["database": "\(store.databaseName)", "reason": "\(reason)"])
        } catch {
            logger.error(
                "MongoDB indexes could not be created", metadata: ["database": "\(store.databaseName)", "error": "\(error)"])
            try await connection.close()
            throw StoreError.unavailable("MongoDB indexes could not be created: \(error)")
        }
        return store
    }

    /// In the background: start-up does not wait for it, and until it is done search still
    /// finds old messages by their text alone. A store closed meanwhile stops it (unavailable).
    private func startSearchGramsBackfill(logger: Logger) {
        Task { [messageStore, databaseName] in
            do {
                let count = try await messageStore.backfillSearchGrams()
                if count > 0 {
                    logger.notice("Old messages given their search grams", metadata: ["database": "\(databaseName)", "messages": "\(count)"])
                }
            } catch {
                logger.warning(
                    "Search grams backfill stopped; old messages are still found by their text",
                    metadata: ["database": "\(databaseName)", "error": "\(error)"])
            }
        }
    }

    /// The GridFS bucket of this database (uploads shared by every node).
    public var files: MongoFileBucket { MongoFileBucket(connection: connection) }

    public func ping() async throws {
        _ = try await connection.run { client in try client.command(["ping": 1], database: "admin") }
    }

    public func close() async throws {
        try await connection.close()
    }

    public func removeAll() async throws -> [String: Int] {
        var removed = [String: Int]()
        for name in MongoSchema.collections {
            removed[name] = try await MongoCollection(connection: connection, name: name).deleteMany([:])
        }
        return removed
    }
}
