import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// The embedded engine: one SQLite file in WAL mode behind a GRDB `DatabasePool`, so reads run
/// concurrently with the single writer. GRDB runs every statement on its own dispatch queues,
/// never on the caller's event loop.
public final class SQLiteStore: Store {
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
    public let engineName = "sqlite"

    private let pool: DatabasePool

    /// The database file.
    public let path: String

    /// Rows whose usernames, emails, group names or channel names (per group) fold to the same
    /// key, found when the store was opened (see `SQLiteUniqueKeys`). The caller logs them.
    public let keyCollisions: [SQLiteKeyCollision]

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Wait for a concurrent writer (another process, e.g. seed-sample-data) instead of failing.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync is durable across application crashes and much faster than FULL.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            db.add(function: SQLiteMessageStore.caseFoldFunction)
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try SQLiteMigrations.migrator.migrate(pool)
        self.keyCollisions = try pool.write { db in try SQLiteUniqueKeys.enforce(in: db) }
        self.pool = pool
        self.users = SQLiteUserStore(pool: pool)
        self.sessions = SQLiteAuthSessionStore(pool: pool)
        self.groups = SQLiteGroupStore(pool: pool)
        self.channels = SQLiteChannelStore(pool: pool)
        self.groupRequests = SQLiteGroupRequestStore(pool: pool)
        self.notifications = SQLiteNotificationStore(pool: pool)
        self.activity = SQLiteActivityStore(pool: pool)
        self.settings = SQLiteSettingsStore(pool: pool)
        self.messages = SQLiteMessageStore(pool: pool)
        self.reactions = SQLiteReactionStore(pool: pool)
        self.videoCalls = SQLiteVideoCallStore(pool: pool)
        self.uploads = SQLiteUploadStore(pool: pool)
    }

    public func ping() async throws {
        do {
            _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
        } catch {
            throw StoreError.unavailable(String(describing: error))
        }
    }

    public func close() async throws {
        // Fold the WAL back into the database first, so a closed store is one self-contained file;
        // if that fails the WAL simply stays and is replayed at the next open.
        _ = try? await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try pool.close()
    }

    public func removeAll() async throws -> [String: Int] {
        try await pool.write { db in
            var removed: [String: Int] = [:]
            // Children before parents so foreign keys never refuse a delete.
            for table in SQLiteMigrations.tablesInDeletionOrder {
                // Counted first: rows removed by a cascade within the same table (the replies
                // of a removed message) are not in the statement's change count.
                removed[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
                try db.execute(sql: "DELETE FROM \(table)")
            }
            // The delete trigger has already taken every message out of the index; rebuilding
            // from the now empty table also gives back the space its segments held.
            try db.execute(sql: "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')")
            return removed
        }
    }

    /// Inserts many messages in one write transaction with one prepared statement, keeping reply
    /// counts as `messages.insert` does. For seeding and benchmarks: one transaction instead of
    /// one per message makes a million rows a matter of minutes. Callers pass batches (tens of
    /// thousands) so that neither the array nor the transaction grows without bound.
    public func bulkInsert(_ messages: [Message]) async throws {
        try await pool.write { db in
            for message in messages { try SQLiteMessageRows.insert(message, in: db) }
        }
    }
}
