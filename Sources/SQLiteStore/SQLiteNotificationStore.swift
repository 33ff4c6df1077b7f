import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Notifications in `notifications`. Every read and write is scoped by `userId`, so one user
/// can never read or change another's.
struct SQLiteNotificationStore: NotificationStore {
    let pool: DatabasePool

    func insert(_ notification: UserNotification) async throws {
        let data = try SQLiteValues.json(notification.data)
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO notifications (id, userId, type, title, message, data, isRead, createdAt, readAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    notification.id.hexString, notification.userId.hexString, notification.type, notification.title,
                    notification.message, data, notification.isRead, SQLiteValues.millis(notification.createdAt),
                    notification.readAt.map(SQLiteValues.millis),
                ])
        }
    }

    func list(userId: ObjectId, unreadOnly: Bool, limit: Int, offset: Int) async throws -> [UserNotification] {
        // `isRead = 0` lets SQLite pick the partial unread index.
        let unread = unreadOnly ? "AND isRead = 0" : ""
        // A negative LIMIT means "no limit" to SQLite; never pass one through.
        let arguments: StatementArguments = [userId.hexString, max(0, limit), max(0, offset)]
        return try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM notifications WHERE userId = ? \(unread)
                    ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?
                    """,
                arguments: arguments
            ).map(Self.notification(from:))
        }
    }

    func markRead(id: ObjectId, userId: ObjectId, at date: Date) async throws -> UserNotification? {
        try await pool.write { db in
            try Row.fetchOne(
                db,
                sql: "UPDATE notifications SET isRead = 1, readAt = ? WHERE id = ? AND userId = ? RETURNING *",
                arguments: [SQLiteValues.millis(date), id.hexString, userId.hexString]
            ).map(Self.notification(from:))
        }
    }

    func markAllRead(userId: ObjectId, at date: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE notifications SET isRead = 1, readAt = ? WHERE userId = ? AND isRead = 0",
                arguments: [SQLiteValues.millis(date), userId.hexString])
            return db.changesCount
        }
    }

    func unreadCount(userId: ObjectId) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM notifications WHERE userId = ? AND isRead = 0", arguments: [userId.hexString]) ?? 0
        }
    }

    func delete(id: ObjectId, userId: ObjectId) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM notifications WHERE id = ? AND userId = ?", arguments: [id.hexString, userId.hexString])
            return db.changesCount > 0
        }
    }

    static func notification(from row: Row) throws -> UserNotification {
        UserNotification(
            id: try SQLiteValues.objectId(row, "id"),
            userId: try SQLiteValues.objectId(row, "userId"),
            type: try row.decode(String.self, forColumn: "type"),
            title: try row.decode(String.self, forColumn: "title"),
            message: try row.decode(String.self, forColumn: "message"),
            data: try SQLiteValues.fromJSON([String: String].self, row.decode(String.self, forColumn: "data")),
            isRead: try row.decode(Bool.self, forColumn: "isRead"),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "createdAt")),
            readAt: SQLiteValues.optionalDate(try row.decode(Int64?.self, forColumn: "readAt")))
    }
}
