/// Calls. Numbered 5: the fourth migration (uploads) is kept apart from this one.
enum SQLiteSchemaV5 {
    static let sql = """
        -- No foreign keys to users: a call stays in the other party's history after an
        -- account is deleted.
        CREATE TABLE video_calls (
            id TEXT PRIMARY KEY NOT NULL,
            callerId TEXT NOT NULL,
            receiverId TEXT NOT NULL,
            callerName TEXT NOT NULL,
            receiverName TEXT NOT NULL,
            channelId TEXT,
            status TEXT NOT NULL,
            callType TEXT NOT NULL,
            startTime INTEGER NOT NULL,
            answerTime INTEGER,
            endTime INTEGER,
            duration REAL,
            createdAt INTEGER NOT NULL,
            updatedAt INTEGER NOT NULL
        );
        -- History of either party, newest first.
        CREATE INDEX video_calls_caller ON video_calls(callerId, startTime DESC, id DESC);
        CREATE INDEX video_calls_receiver ON video_calls(receiverId, startTime DESC, id DESC);
        -- The ring-timeout sweep and "active calls" read only the few live calls.
        CREATE INDEX video_calls_live ON video_calls(status, startTime) WHERE status IN ('ringing', 'accepted');
        """
}
