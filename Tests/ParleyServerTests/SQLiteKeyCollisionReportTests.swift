import Foundation
import GRDB
import ParleyServer
import ParleyStore
import SQLiteStore
import Testing

/// What an administrator sees when a database holds names that collide under Unicode case
/// folding (possible before schema version 7, whose NOCASE indexes folded ASCII only): one
/// warning per collision at every start-up, naming the rows, and a store that still opens.
struct SQLiteKeyCollisionReportTests {
    @Test func eachCollisionIsLoggedAtStartUpAndTheStoreOpens() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("parley.sqlite").path
        try await SQLiteStore(path: path).close()
        // Two rows with one key, as migration v7 leaves them when the old data held both; the
        // unique index goes first, as it cannot have been made over such rows.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "DROP INDEX users_username_key")
            for (id, name, created) in [("5f1d7f3a9b1e8a0000000001", "Ölaf", 1), ("5f1d7f3a9b1e8a0000000002", "ölaf", 2)] {
                try db.execute(
                    sql: """
                        INSERT INTO users (id, username, usernameKey, email, emailKey, passwordHash, roles, createdAt, updatedAt)
                        VALUES (?, ?, 'ölaf', ?, ?, 'x', '["user"]', ?, ?)
                        """,
                    arguments: [id, name, "\(id)@example.com", "\(id)@example.com", created, created])
            }
        }
        try queue.close()

        for _ in 0..<2 {
            let logs = LogCapture()
            let store = try await StoreFactory.open(.sqlite(path: path), logger: logs.logger(level: .info))
            let warnings = logs.entries.filter { $0.level == .warning }.map(\.message)
            #expect(
                warnings == [
                    "Names that differ only in case share one key; all are kept, rename or remove all but one: "
                        + #"users.username: 5f1d7f3a9b1e8a0000000001 "Ölaf", 5f1d7f3a9b1e8a0000000002 "ölaf""#
                ])
            #expect(try await store.users.list(UserQuery()).total == 2)
            try await store.close()
        }
    }
}
