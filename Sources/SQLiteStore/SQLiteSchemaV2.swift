/// The second migration: groups and everything hanging off them. Kept as its own file because a
/// migration, once shipped, never changes; later changes get a new migration.
enum SQLiteSchemaV2 {
    static let sql = """
        -- createdBy has no foreign key: a group outlives the account that created it.
        CREATE TABLE groups (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            category TEXT NOT NULL,
            status TEXT NOT NULL,
            isPrivate INTEGER NOT NULL,
            isActive INTEGER NOT NULL,
            maxMembers INTEGER,
            avatar TEXT,
            tags TEXT,                       -- JSON array of strings, or NULL
            rules TEXT,                      -- JSON array of strings, or NULL
            createdBy TEXT NOT NULL,
            createdAt INTEGER NOT NULL,
            updatedAt INTEGER NOT NULL,
            archivedAt INTEGER
        );
        CREATE UNIQUE INDEX groups_name_ci ON groups(name COLLATE NOCASE);
        CREATE INDEX groups_created ON groups(createdAt DESC, id DESC);
        CREATE INDEX groups_updated ON groups(updatedAt DESC, id DESC);

        -- The only record of membership: usernames come from users at read time and
        -- User.groups is read from here, so nothing is kept twice.
        CREATE TABLE group_members (
            groupId TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            userId TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
            joinedAt INTEGER NOT NULL,
            PRIMARY KEY (groupId, userId)
        ) WITHOUT ROWID;
        CREATE INDEX group_members_user ON group_members(userId, groupId);

        CREATE TABLE channels (
            id TEXT PRIMARY KEY NOT NULL,
            groupId TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            type TEXT NOT NULL,
            isPrivate INTEGER NOT NULL,
            isActive INTEGER NOT NULL,
            maxMembers INTEGER,
            settings TEXT NOT NULL,          -- JSON object (ChannelSettings)
            createdBy TEXT NOT NULL,
            createdAt INTEGER NOT NULL,
            updatedAt INTEGER NOT NULL,
            archivedAt INTEGER
        );
        -- Names are unique within a group only; this index also serves listing by group.
        CREATE UNIQUE INDEX channels_group_name_ci ON channels(groupId, name COLLATE NOCASE);
        CREATE INDEX channels_group_created ON channels(groupId, createdAt, id);

        -- One row per member; role 'admin' rows make Channel.admins. A rowid table so that
        -- members read back in the order they were added.
        CREATE TABLE channel_members (
            channelId TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
            userId TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
            addedAt INTEGER NOT NULL,
            PRIMARY KEY (channelId, userId)
        );
        CREATE INDEX channel_members_user ON channel_members(userId);

        -- username, userEmail and groupName are what the requester saw when asking: a record,
        -- not a copy to keep in step. reviewedBy has no foreign key: reviewers may be deleted.
        CREATE TABLE group_requests (
            id TEXT PRIMARY KEY NOT NULL,
            userId TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            username TEXT NOT NULL,
            userEmail TEXT,
            groupId TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            groupName TEXT NOT NULL,
            requestType TEXT NOT NULL,
            status TEXT NOT NULL,
            message TEXT,
            reason TEXT,
            requestedAt INTEGER NOT NULL,
            reviewedAt INTEGER,
            reviewedBy TEXT,
            reviewerName TEXT
        );
        -- At most one pending request per user and group; reviewed ones may pile up.
        CREATE UNIQUE INDEX group_requests_one_pending ON group_requests(userId, groupId) WHERE status = 'pending';
        CREATE INDEX group_requests_group ON group_requests(groupId, requestedAt DESC, id DESC);
        CREATE INDEX group_requests_user ON group_requests(userId, requestedAt DESC, id DESC);
        CREATE INDEX group_requests_status ON group_requests(status, requestedAt DESC, id DESC);
        CREATE INDEX group_requests_requested ON group_requests(requestedAt DESC, id DESC);

        CREATE TABLE notifications (
            id TEXT PRIMARY KEY NOT NULL,
            userId TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            title TEXT NOT NULL,
            message TEXT NOT NULL,
            data TEXT NOT NULL,              -- JSON object of strings
            isRead INTEGER NOT NULL,
            createdAt INTEGER NOT NULL,
            readAt INTEGER
        );
        CREATE INDEX notifications_user ON notifications(userId, createdAt DESC, id DESC);
        -- Small (most notifications get read) and it answers the unread badge and filter.
        CREATE INDEX notifications_user_unread ON notifications(userId, createdAt DESC, id DESC) WHERE isRead = 0;

        -- No foreign keys: the audit log must outlive the users and targets it mentions.
        CREATE TABLE activity (
            id TEXT PRIMARY KEY NOT NULL,
            actorId TEXT NOT NULL,
            actorName TEXT NOT NULL,
            action TEXT NOT NULL,
            targetType TEXT NOT NULL,
            targetId TEXT,
            details TEXT,
            isAdministrative INTEGER NOT NULL,
            createdAt INTEGER NOT NULL
        );
        CREATE INDEX activity_created ON activity(createdAt DESC, id DESC);
        CREATE INDEX activity_actor ON activity(actorId, createdAt DESC, id DESC);
        CREATE INDEX activity_administrative ON activity(isAdministrative, createdAt DESC, id DESC);
        CREATE INDEX activity_target ON activity(targetId, createdAt DESC) WHERE targetId IS NOT NULL;
        CREATE INDEX activity_action ON activity(action, createdAt DESC);

        CREATE TABLE user_settings (
            userId TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            settings TEXT NOT NULL,          -- JSON object
            preferences TEXT NOT NULL,       -- JSON object
            status TEXT,
            updatedAt INTEGER NOT NULL
        );
        """
}
