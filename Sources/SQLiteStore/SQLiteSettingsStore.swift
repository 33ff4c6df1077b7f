import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// One settings record per user in `user_settings`, removed with the user by the cascade.
/// The free-form objects are stored as JSON text: clients shape them, the server never
/// queries inside them.
struct SQLiteSettingsStore: SettingsStore {
    let pool: DatabasePool

    func find(userId: ObjectId) async throws -> UserSettings? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM user_settings WHERE userId = ?", arguments: [userId.hexString])
                .map(Self.settings(from:))
        }
    }

    func save(_ settings: UserSettings) async throws {
        let values = try SQLiteValues.json(settings.settings)
        let preferences = try SQLiteValues.json(settings.preferences)
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO user_settings (userId, settings, preferences, status, updatedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (userId) DO UPDATE SET
                        settings = excluded.settings, preferences = excluded.preferences,
                        status = excluded.status, updatedAt = excluded.updatedAt
                    """,
                arguments: [
                    settings.userId.hexString, values, preferences, settings.status, SQLiteValues.millis(settings.updatedAt),
                ])
        }
    }

    static func settings(from row: Row) throws -> UserSettings {
        UserSettings(
            userId: try SQLiteValues.objectId(row, "userId"),
            settings: try SQLiteValues.fromJSON([String: JSONValue].self, row.decode(String.self, forColumn: "settings")),
            preferences: try SQLiteValues.fromJSON([String: JSONValue].self, row.decode(String.self, forColumn: "preferences")),
            status: try row.decode(String?.self, forColumn: "status"),
            updatedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "updatedAt")))
    }
}
