import GRDB

/// The schema, one migration per change. Ids are 24-hex TEXT, dates INTEGER milliseconds since
/// 1970 (compact, and they sort and index as numbers), booleans INTEGER 0/1.
enum SQLiteMigrations {
    /// Every table, children first, for `removeAll`: deleting a parent first would make the
    /// cascade empty its children and their counts would be lost. `messages_fts` is not listed:
    /// the delete trigger on `messages` empties it, and `removeAll` then rebuilds it.
    static let tablesInDeletionOrder = [
        "message_reactions", "message_edits", "read_state", "messages",
        "channel_members", "group_members", "group_requests", "notifications", "user_settings", "activity",
        "channels", "groups", "auth_sessions", "uploads", "users", "video_calls",
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-users-and-sessions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE users (
                        id TEXT PRIMARY KEY NOT NULL,
                        username TEXT NOT NULL,
                        email TEXT NOT NULL,
                        passwordHash TEXT NOT NULL,
                        roles TEXT NOT NULL,             -- JSON array of role names
                        isActive INTEGER NOT NULL DEFAULT 1,
                        createdAt INTEGER NOT NULL,
                        updatedAt INTEGER NOT NULL,
                        lastLogin INTEGER,
                        avatar TEXT,
                        bio TEXT,
                        phone TEXT,
                        address TEXT
                    );
                    CREATE UNIQUE INDEX users_username_ci ON users(username COLLATE NOCASE);
                    CREATE UNIQUE INDEX users_email_ci ON users(email COLLATE NOCASE);
                    CREATE INDEX users_created ON users(createdAt DESC, id DESC);

                    CREATE TABLE auth_sessions (
                        id TEXT PRIMARY KEY NOT NULL,
                        userId TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        createdAt INTEGER NOT NULL,
                        lastUsedAt INTEGER NOT NULL,
                        expiresAt INTEGER NOT NULL,
                        revokedAt INTEGER,
                        userAgent TEXT,
                        ipAddress TEXT
                    );
                    CREATE INDEX auth_sessions_user ON auth_sessions(userId, createdAt DESC);
                    CREATE INDEX auth_sessions_expiry ON auth_sessions(expiresAt);
                    """)
        }
        migrator.registerMigration("v2-groups-channels-requests-notifications-activity-settings") { db in
            try db.execute(sql: SQLiteSchemaV2.sql)
        }
        migrator.registerMigration("v3-messages") { db in
            try db.execute(sql: SQLiteSchemaV3.sql)
        }
        migrator.registerMigration("v4-uploads") { db in
            try db.execute(sql: SQLiteSchemaV4.sql)
        }
        migrator.registerMigration("v5-video-calls") { db in
            try db.execute(sql: SQLiteSchemaV5.sql)
        }
        migrator.registerMigration("v6-live-message-history") { db in
            try db.execute(sql: SQLiteSchemaV6.sql)
        }
        migrator.registerMigration("v7-unicode-case-folded-keys") { db in
            try SQLiteSchemaV7.migrate(db)
        }
        return migrator
    }
}
