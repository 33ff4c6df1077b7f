import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Messages in `messages`, previous versions in `message_edits`. History is read through the
/// index on (channelId, createdAt, id), live history through its partial copy without
/// tombstones: every window is one range scan that stops after `limit` rows, so a page costs
/// the same in a channel of ten messages or of ten million. Search, read state and counts are
/// in `SQLiteMessageStore+Search.swift` and `+ReadState.swift`.
struct SQLiteMessageStore: MessageStore {
    let pool: DatabasePool
    /// Posted messages are committed in groups: see `SQLiteMessageInsertQueue`.
    let insertQueue: SQLiteMessageInsertQueue

    init(pool: DatabasePool) {
        self.pool = pool
        self.insertQueue = SQLiteMessageInsertQueue(pool: pool)
    }

    func insert(_ message: Message) async throws {
        try await insertQueue.insert(message)
    }

    func insertMissing(_ messages: [Message]) async throws -> Int {
        // One write transaction and one cached statement for the whole batch.
        try await pool.write { db in
            try messages.reduce(0) { count, message in
                count + (try SQLiteMessageRows.insert(message, in: db, skippingExisting: true) ? 1 : 0)
            }
        }
    }

    func find(id: ObjectId) async throws -> Message? {
        try await pool.read { db in try SQLiteMessageRows.message(id: id, in: db) }
    }

    func find(ids: [ObjectId]) async throws -> [Message] {
        guard !ids.isEmpty else { return [] }
        let list = try SQLiteValues.idList(ids)
        return try await pool.read { db in
            try SQLiteMessageRows.messages(
                db,
                sql: "\(SQLiteMessageRows.select) WHERE id IN (SELECT value FROM json_each(?)) ORDER BY createdAt, id",
                arguments: [list])
        }
    }

    func history(channelId: ObjectId, window: HistoryWindow, includingDeleted: Bool) async throws -> [Message]? {
        let channel = channelId.hexString
        // Written out as `isDeleted = 0` so that SQLite serves live pages from the partial index
        // messages_live_history (v6), which holds no tombstones: a page of live messages is one
        // range scan however many deleted messages lie between them.
        let live = includingDeleted ? "" : "AND isDeleted = 0"
        return try await pool.read { db -> [Message]? in
            switch window {
            case .latest(let limit, let offset):
                // Newest first from the end of the index, then turned round: the page is oldest first.
                let page = try SQLiteMessageRows.messages(
                    db.cachedStatement(
                        sql: """
                            \(SQLiteMessageRows.select) WHERE channelId = ? \(live)
                            ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?
                            """),
                    arguments: [channel, max(0, limit), max(0, offset)])
                return page.reversed()
            case .before(let cursorId, let limit):
                guard let cursor = try Self.cursor(cursorId, channel: channel, in: db) else { return nil }
                // The row value compares (createdAt, id) as one key, which is exactly the index order,
                // so SQLite seeks to the cursor and walks back: no row is skipped or read twice even
                // when several messages share a createdAt.
                let page = try SQLiteMessageRows.messages(
                    db.cachedStatement(
                        sql: """
                            \(SQLiteMessageRows.select) WHERE channelId = ? \(live) AND (createdAt, id) < (?, ?)
                            ORDER BY createdAt DESC, id DESC LIMIT ?
                            """),
                    arguments: [channel, cursor.createdAt, cursor.id, max(0, limit)])
                return page.reversed()
            case .after(let cursorId, let limit):
                guard let cursor = try Self.cursor(cursorId, channel: channel, in: db) else { return nil }
                return try SQLiteMessageRows.messages(
                    db.cachedStatement(
                        sql: """
                            \(SQLiteMessageRows.select) WHERE channelId = ? \(live) AND (createdAt, id) > (?, ?)
                            ORDER BY createdAt, id LIMIT ?
                            """),
                    arguments: [channel, cursor.createdAt, cursor.id, max(0, limit)])
            }
        }
    }

    /// The cursor message's sort key, nil when it is not a message of `channel`. A tombstone is
    /// a valid cursor: a client may hold the id of a message deleted since it was read.
    private static func cursor(_ id: ObjectId, channel: String, in db: Database) throws -> (createdAt: Int64, id: String)? {
        guard
            let row = try Row.fetchOneCached(
                db, sql: "SELECT createdAt, id FROM messages WHERE id = ? AND channelId = ?", arguments: [id.hexString, channel])
        else { return nil }
        return (try row.decode(Int64.self, forColumn: "createdAt"), try row.decode(String.self, forColumn: "id"))
    }

    func messages(byUser userId: ObjectId, inChannels channelIds: [ObjectId], limit: Int, offset: Int) async throws -> [Message] {
        guard !channelIds.isEmpty else { return [] }
        var filter = SQLiteFilter()
        filter.add("userId = ?", userId.hexString)
        try filter.add("channelId", in: channelIds)
        filter.add("isDeleted = 0")
        // Walks messages_user newest first and stops once the page is full.
        let sql = "\(SQLiteMessageRows.select) \(filter.whereClause) ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?"
        let arguments = filter.statementArguments(appending: max(0, limit), max(0, offset))
        return try await pool.read { db in
            try SQLiteMessageRows.messages(db, sql: sql, arguments: arguments)
        }
    }

    func replies(to parentId: ObjectId, limit: Int, offset: Int) async throws -> Page<Message> {
        // Deleted replies stay in the thread as tombstones, and in the total, as in the history.
        let parent = parentId.hexString
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE replyTo = ?", arguments: [parent]) ?? 0
            let items = try SQLiteMessageRows.messages(
                db,
                sql: "\(SQLiteMessageRows.select) WHERE replyTo = ? ORDER BY createdAt, id LIMIT ? OFFSET ?",
                arguments: [parent, max(0, limit), max(0, offset)])
            return Page(items: items, total: total)
        }
    }

    func edit(id: ObjectId, text: String, mentions: [ObjectId], by editor: ObjectId, at date: Date) async throws -> Message? {
        let mentionList = try SQLiteValues.idList(mentions)
        let millis = SQLiteValues.millis(date)
        return try await pool.write { db -> Message? in
            guard
                let previous = try Row.fetchOne(
                    db, sql: "SELECT text FROM messages WHERE id = ? AND isDeleted = 0", arguments: [id.hexString])
            else { return nil }
            let previousText = try previous.decode(String?.self, forColumn: "text")
            try db.execute(
                sql: "INSERT INTO message_edits (id, messageId, previousText, editedBy, editedAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [ObjectId(date: date).hexString, id.hexString, previousText, editor.hexString, millis])
            return try SQLiteMessageRows.messages(
                db,
                sql: """
                    UPDATE messages SET text = ?, mentions = ?, isEdited = 1, editedAt = ?, updatedAt = ?
                    WHERE id = ? RETURNING \(SQLiteMessageColumn.list)
                    """,
                arguments: [text, mentionList, millis, millis, id.hexString]
            ).first
        }
    }

    func edits(of messageId: ObjectId) async throws -> [MessageEdit] {
        try await pool.read { db in
            // rowid breaks ties between edits made in the same millisecond: insertion order.
            try Row.fetchAll(
                db, sql: "SELECT * FROM message_edits WHERE messageId = ? ORDER BY editedAt, rowid", arguments: [messageId.hexString]
            ).map(SQLiteMessageRows.edit(from:))
        }
    }

    func tombstone(id: ObjectId, at date: Date) async throws -> Message? {
        let millis = SQLiteValues.millis(date)
        return try await pool.write { db -> Message? in
            guard let message = try SQLiteMessageRows.message(id: id, in: db) else { return nil }
            if message.isDeleted { return message }
            // Clearing the text takes it out of the full-text index (messages_fts_update trigger).
            let tombstone = try SQLiteMessageRows.messages(
                db,
                sql: """
                    UPDATE messages SET text = NULL, imageUrl = NULL, fileUrl = NULL, attachment = NULL, mentions = '[]',
                        isDeleted = 1, deletedAt = ?, updatedAt = ?
                    WHERE id = ? RETURNING \(SQLiteMessageColumn.list)
                    """,
                arguments: [millis, millis, id.hexString]
            ).first
            if let parentId = message.replyTo {
                // lastReplyAt is left as it was: it records when the thread last had a reply.
                try db.execute(
                    sql: "UPDATE messages SET replyCount = MAX(replyCount - 1, 0) WHERE id = ?", arguments: [parentId.hexString])
            }
            return tombstone
        }
    }

    func recent(inChannels channelIds: [ObjectId], limit: Int) async throws -> [Message] {
        let channels = Array(Set(channelIds.map(\.hexString)))
        let limit = max(0, limit)
        guard !channels.isEmpty, limit > 0 else { return [] }
        return try await pool.read { db in
            // One short walk back through each channel's history index, then a merge. A single
            // `channelId IN (…) ORDER BY createdAt DESC` would read and sort every message of every
            // channel before keeping `limit` of them.
            let statement = try db.cachedStatement(
                sql: """
                    \(SQLiteMessageRows.select) WHERE channelId = ? AND isDeleted = 0
                    ORDER BY createdAt DESC, id DESC LIMIT ?
                    """)
            var merged: [Message] = []
            for channel in channels {
                merged += try SQLiteMessageRows.messages(statement, arguments: [channel, limit])
            }
            merged.sort { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
            return Array(merged.prefix(limit))
        }
    }
}
