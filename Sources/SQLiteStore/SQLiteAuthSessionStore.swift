import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Auth sessions in `auth_sessions`; removed with their user by the foreign key's cascade.
struct SQLiteAuthSessionStore: AuthSessionStore {
    let pool: DatabasePool

    func insert(_ session: AuthSession) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO auth_sessions (id, userId, createdAt, lastUsedAt, expiresAt, revokedAt, userAgent, ipAddress)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.id.hexString, session.userId.hexString, SQLiteValues.millis(session.createdAt),
                    SQLiteValues.millis(session.lastUsedAt), SQLiteValues.millis(session.expiresAt),
                    session.revokedAt.map(SQLiteValues.millis), session.userAgent, session.ipAddress,
                ])
        }
    }

    func find(id: ObjectId) async throws -> AuthSession? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM auth_sessions WHERE id = ?", arguments: [id.hexString])
                .map(Self.session(from:))
        }
    }

    func touch(id: ObjectId, at date: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE auth_sessions SET lastUsedAt = ? WHERE id = ?",
                arguments: [SQLiteValues.millis(date), id.hexString])
            return db.changesCount > 0
        }
    }

    func revoke(id: ObjectId, at date: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE auth_sessions SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL",
                arguments: [SQLiteValues.millis(date), id.hexString])
            return db.changesCount > 0
        }
    }

    func revokeAll(userId: ObjectId, at date: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE auth_sessions SET revokedAt = ? WHERE userId = ? AND revokedAt IS NULL",
                arguments: [SQLiteValues.millis(date), userId.hexString])
            return db.changesCount
        }
    }

    func liveSessions(userId: ObjectId, at date: Date) async throws -> [AuthSession] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM auth_sessions
                    WHERE userId = ? AND revokedAt IS NULL AND expiresAt > ?
                    ORDER BY createdAt DESC, id DESC
                    """,
                arguments: [userId.hexString, SQLiteValues.millis(date)]
            ).map(Self.session(from:))
        }
    }

    func deleteExpired(before date: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM auth_sessions WHERE expiresAt < ?", arguments: [SQLiteValues.millis(date)])
            return db.changesCount
        }
    }

    static func session(from row: Row) throws -> AuthSession {
        AuthSession(
            id: try SQLiteValues.objectId(row, "id"),
            userId: try SQLiteValues.objectId(row, "userId"),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "createdAt")),
            lastUsedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "lastUsedAt")),
            expiresAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "expiresAt")),
            revokedAt: SQLiteValues.optionalDate(try row.decode(Int64?.self, forColumn: "revokedAt")),
            userAgent: try row.decode(String?.self, forColumn: "userAgent"),
            ipAddress: try row.decode(String?.self, forColumn: "ipAddress"))
    }
}
