/// The third migration: messages, their edits, reactions, read state and full-text search.
/// Kept as its own file because a migration, once shipped, never changes.
enum SQLiteSchemaV3 {
    static let sql = """
        -- `seq` aliases the rowid so it never changes (VACUUM renumbers an implicit rowid), which
        -- the external-content FTS table below relies on. `id` is the public key.
        -- userId has no foreign key: the messages of a deleted account stay attributed to it.
        -- groupId has none either: it is a copy for scoping, and the channel's cascade covers it.
        CREATE TABLE messages (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            channelId TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
            groupId TEXT NOT NULL,
            userId TEXT NOT NULL,
            username TEXT NOT NULL,
            text TEXT,
            type TEXT NOT NULL,
            imageUrl TEXT,
            fileUrl TEXT,
            attachment TEXT,                 -- JSON object (Attachment), or NULL
            replyTo TEXT REFERENCES messages(id) ON DELETE CASCADE,
            replyCount INTEGER NOT NULL DEFAULT 0,
            lastReplyAt INTEGER,
            mentions TEXT NOT NULL,          -- JSON array of ids
            tags TEXT,                       -- JSON array of strings, or NULL
            isEdited INTEGER NOT NULL,
            editedAt INTEGER,
            isDeleted INTEGER NOT NULL,
            deletedAt INTEGER,
            createdAt INTEGER NOT NULL,
            updatedAt INTEGER NOT NULL
        );
        -- History: every page is a range scan of this index with a LIMIT, whatever the channel's size.
        CREATE INDEX messages_channel_history ON messages(channelId, createdAt, id);
        CREATE INDEX messages_user ON messages(userId, createdAt, id);
        -- Only replies have a parent; it also serves the cascade from a deleted parent.
        CREATE INDEX messages_replies ON messages(replyTo, createdAt, id) WHERE replyTo IS NOT NULL;

        -- editedBy has no foreign key: the record outlives the editor's account.
        CREATE TABLE message_edits (
            id TEXT PRIMARY KEY NOT NULL,
            messageId TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            previousText TEXT,
            editedBy TEXT NOT NULL,
            editedAt INTEGER NOT NULL
        );
        CREATE INDEX message_edits_message ON message_edits(messageId, editedAt);

        -- One reaction per user and message; userId has no foreign key, like messages.
        CREATE TABLE message_reactions (
            id TEXT PRIMARY KEY NOT NULL,
            messageId TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            userId TEXT NOT NULL,
            username TEXT NOT NULL,
            reaction TEXT NOT NULL,
            createdAt INTEGER NOT NULL,
            updatedAt INTEGER NOT NULL,
            UNIQUE (messageId, userId)
        );

        CREATE TABLE read_state (
            userId TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            channelId TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
            lastReadAt INTEGER NOT NULL,
            PRIMARY KEY (userId, channelId)
        ) WITHOUT ROWID;
        CREATE INDEX read_state_channel ON read_state(channelId);

        -- Full-text index over the live messages' text. The trigram tokenizer indexes every run
        -- of three characters, so words are found inside text that has no spaces between them
        -- (Chinese, Japanese) as well as in space-separated languages, and matching folds case.
        -- External content: the text is stored once, in `messages`; the triggers keep the index
        -- in step, and a tombstone (text cleared, isDeleted set) leaves it.
        CREATE VIRTUAL TABLE messages_fts USING fts5(
            text, content = 'messages', content_rowid = 'seq', tokenize = 'trigram'
        );
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
        WHEN new.text IS NOT NULL AND new.isDeleted = 0
        BEGIN
            INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
        END;
        -- One trigger for both steps: separate triggers fire in an unspecified order, and adding
        -- the new text before removing the old would remove the trigrams the two share.
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, isDeleted ON messages
        BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text)
                SELECT 'delete', old.seq, old.text WHERE old.text IS NOT NULL AND old.isDeleted = 0;
            INSERT INTO messages_fts (rowid, text)
                SELECT new.seq, new.text WHERE new.text IS NOT NULL AND new.isDeleted = 0;
        END;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
        WHEN old.text IS NOT NULL AND old.isDeleted = 0
        BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
        END;
        """
}
