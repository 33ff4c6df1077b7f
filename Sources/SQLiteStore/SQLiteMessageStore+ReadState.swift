import Foundation
import GRDB
import ParleyCore
import ParleyStore

extension SQLiteMessageStore {
    func markRead(userId: ObjectId, channelId: ObjectId, at date: Date) async throws {
        let arguments: StatementArguments = [
            "user": userId.hexString, "channel": channelId.hexString, "at": SQLiteValues.millis(date),
        ]
        try await pool.write { db in
            // A read mark for an unknown user or channel is dropped rather than refused by the
            // foreign keys, as MongoDB would accept it; the row would be unreachable anyway.
            try db.execute(
                sql: """
                    INSERT INTO read_state (userId, channelId, lastReadAt)
                    SELECT :user, :channel, :at
                    WHERE EXISTS (SELECT 1 FROM users WHERE id = :user) AND EXISTS (SELECT 1 FROM channels WHERE id = :channel)
                    ON CONFLICT (userId, channelId) DO UPDATE SET lastReadAt = excluded.lastReadAt
                    """,
                arguments: arguments)
        }
    }

    func unreadCounts(userId: ObjectId, channelIds: [ObjectId]) async throws -> [ObjectId: Int] {
        guard !channelIds.isEmpty else { return [:] }
        // Never read: every message counts, so the scan starts below any possible date.
        let arguments: StatementArguments = [
            "user": userId.hexString, "channels": try SQLiteValues.idList(channelIds), "never": Int64.min,
        ]
        return try await pool.read { db in
            // One statement, one count per channel. Each count is a range scan of the history index
            // starting at the read mark, so it reads only the unread messages, however long the
            // channel's history. (A join grouped by channel would read the read ones too.)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.value AS channelId, (
                        SELECT COUNT(*) FROM messages m
                        WHERE m.channelId = c.value
                          AND m.createdAt > COALESCE(
                              (SELECT lastReadAt FROM read_state WHERE userId = :user AND channelId = c.value),
                              :never)
                          AND m.userId <> :user AND m.isDeleted = 0
                    ) AS unread
                    FROM (SELECT DISTINCT value FROM json_each(:channels)) c
                    """,
                arguments: arguments)
            var counts: [ObjectId: Int] = [:]
            // Zeros are dropped here rather than in SQL: a `WHERE unread > 0` around the query
            // makes SQLite evaluate the count twice.
            for row in rows {
                let unread = try row.decode(Int.self, forColumn: "unread")
                if unread > 0 { counts[try SQLiteValues.objectId(row, "channelId")] = unread }
            }
            return counts
        }
    }

    func counts(channelIds: [ObjectId]?, since: Date) async throws -> MessageCounts {
        var filter = SQLiteFilter()
        filter.add("isDeleted = 0")
        if let channelIds {
            guard !channelIds.isEmpty else { return MessageCounts(total: 0, since: 0, byChannel: [:]) }
            try filter.add("channelId", in: channelIds)
        }
        let sql = """
            SELECT channelId, COUNT(*) AS total, COALESCE(SUM(createdAt >= ?), 0) AS since
            FROM messages \(filter.whereClause) GROUP BY channelId
            """
        let arguments = StatementArguments([SQLiteValues.millis(since)]) + filter.statementArguments
        return try await pool.read { db in
            var counts = MessageCounts(total: 0, since: 0, byChannel: [:])
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let total = try row.decode(Int.self, forColumn: "total")
                counts.total += total
                counts.since += try row.decode(Int.self, forColumn: "since")
                counts.byChannel[try SQLiteValues.objectId(row, "channelId")] = total
            }
            return counts
        }
    }
}
