import Foundation
import GRDB
import ParleyCore
import ParleyStore
import Testing

@testable import SQLiteStore

/// Migration v7 over a database written under the NOCASE indexes, where `Ölaf` and `ölaf` (or
/// `Équipe x` and `équipe x`) could both be stored: the rows are kept, each collision is
/// reported at every start-up until it is resolved, and new duplicates are still refused.
struct SQLiteKeyMigrationTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-keys-\(UUID().uuidString)")
    private var path: String { folder.appendingPathComponent("old.sqlite").path }

    private let olaf = "5f1d7f3a9b1e8a0000000001"
    private let olafLower = "5f1d7f3a9b1e8a0000000002"
    private let bob = "5f1d7f3a9b1e8a0000000003"
    private let team = "5f1d7f3a9b1e8a0000000011"
    private let teamLower = "5f1d7f3a9b1e8a0000000012"
    private let cafe = "5f1d7f3a9b1e8a0000000021"
    private let cafeUpper = "5f1d7f3a9b1e8a0000000022"

    /// The schema as version 6 left it, with rows the NOCASE indexes allowed.
    private func writeOldDatabase() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try SQLiteMigrations.migrator.migrate(queue, upTo: "v6-live-message-history")
        try queue.write { db in
            for (id, name, created) in [(olaf, "Ölaf", 1), (olafLower, "ölaf", 2), (bob, "bob", 3)] {
                try db.execute(
                    sql: """
                        INSERT INTO users (id, username, email, passwordHash, roles, createdAt, updatedAt)
                        VALUES (?, ?, ?, 'x', '["user"]', ?, ?)
                        """,
                    arguments: [id, name, "\(id)@example.com", created, created])
            }
            for (id, name, created) in [(team, "Équipe x", 1), (teamLower, "équipe x", 2)] {
                try db.execute(
                    sql: """
                        INSERT INTO groups (id, name, description, category, status, isPrivate, isActive, createdBy,
                                            createdAt, updatedAt)
                        VALUES (?, ?, '', 'general', 'active', 0, 1, ?, ?, ?)
                        """,
                    arguments: [id, name, olaf, created, created])
            }
            for (id, name, created) in [(cafe, "Café", 1), (cafeUpper, "CAFÉ", 2)] {
                try db.execute(
                    sql: """
                        INSERT INTO channels (id, groupId, name, description, type, isPrivate, isActive, settings,
                                              createdBy, createdAt, updatedAt)
                        VALUES (?, ?, ?, '', 'text', 0, 1, '{}', ?, ?, ?)
                        """,
                    arguments: [id, team, name, olaf, created, created])
            }
        }
        try queue.close()
    }

    private func indexSQL(_ name: String) throws -> String? {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name])
        }
    }

    @Test func collisionsAreKeptReportedAndStillGuardNewRows() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeOldDatabase()

        let store = try SQLiteStore(path: path)
        #expect(
            store.keyCollisions == [
                SQLiteKeyCollision(table: "users", field: "username", ids: [olaf, olafLower], values: ["Ölaf", "ölaf"]),
                SQLiteKeyCollision(table: "groups", field: "name", ids: [team, teamLower], values: ["Équipe x", "équipe x"]),
                SQLiteKeyCollision(table: "channels", field: "name", ids: [cafe, cafeUpper], values: ["Café", "CAFÉ"]),
            ])
        // Nothing was lost, and the keys were filled: the login finds the oldest of the two.
        let olafId = try #require(ObjectId(olaf))
        let lowerId = try #require(ObjectId(olafLower))
        #expect(try await store.users.find(id: lowerId)?.username == "ölaf")
        #expect(try await store.users.find(login: "ÖLAF")?.id == olafId)
        #expect(try await store.users.find(login: "BOB")?.username == "bob")
        // A third spelling is refused, as is a new duplicate of a name that never collided.
        await #expect(throws: StoreError.duplicate(field: "username")) {
            try await store.users.insert(
                User(username: "ÖLAF", email: "third@example.com", passwordHash: "x", roles: [.user], createdAt: Date()))
        }
        await #expect(throws: StoreError.duplicate(field: "username")) {
            try await store.users.insert(
                User(username: "BOB", email: "bob2@example.com", passwordHash: "x", roles: [.user], createdAt: Date()))
        }
        try await store.close()

        // Reported again at the next start-up, until resolved; then the index is whole again.
        let reopened = try SQLiteStore(path: path)
        #expect(reopened.keyCollisions.count == 3)
        _ = try await reopened.users.update(id: lowerId, UserChanges(username: "olaf2"), at: Date())
        try await reopened.close()
        #expect(try indexSQL("users_username_key")?.contains("WHERE") == true)

        let resolved = try SQLiteStore(path: path)
        #expect(resolved.keyCollisions.map(\.table) == ["groups", "channels"])
        try await resolved.close()
        #expect(try indexSQL("users_username_key") == "CREATE UNIQUE INDEX users_username_key ON users(usernameKey)")
    }
}
