import GRDB
import ParleyCore

/// The seventh migration: uniqueness of usernames, emails, group names and channel names (per
/// group) by Unicode case folding instead of `NOCASE`, which folds ASCII only (`Équipe x` and
/// `équipe x` were two groups on SQLite but one on MongoDB). Each name gets a key column
/// holding `TextFolding.uniqueKey` of it, written by the stores with the name. The old NOCASE
/// indexes go; the unique indexes on the keys are made by `SQLiteUniqueKeys` at every start-up,
/// because rows that collide under the new folding (but did not under NOCASE) must be kept and
/// reported, not make the migration fail. Kept as its own file: a shipped migration never changes.
enum SQLiteSchemaV7 {
    static let sql = """
        ALTER TABLE users ADD COLUMN usernameKey TEXT NOT NULL DEFAULT '';
        ALTER TABLE users ADD COLUMN emailKey TEXT NOT NULL DEFAULT '';
        ALTER TABLE groups ADD COLUMN nameKey TEXT NOT NULL DEFAULT '';
        ALTER TABLE channels ADD COLUMN nameKey TEXT NOT NULL DEFAULT '';
        DROP INDEX users_username_ci;
        DROP INDEX users_email_ci;
        DROP INDEX groups_name_ci;
        DROP INDEX channels_group_name_ci;
        """

    static func migrate(_ db: Database) throws {
        try db.execute(sql: sql)
        try fill(db, table: "users", names: ["username": "usernameKey", "email": "emailKey"])
        try fill(db, table: "groups", names: ["name": "nameKey"])
        try fill(db, table: "channels", names: ["name": "nameKey"])
    }

    /// Computed here rather than in SQL: SQLite has no Unicode case folding.
    private static func fill(_ db: Database, table: String, names: KeyValuePairs<String, String>) throws {
        let columns = names.map(\.key)
        let assignments = names.map { "\($0.value) = ?" }.joined(separator: ", ")
        let update = try db.makeStatement(sql: "UPDATE \(table) SET \(assignments) WHERE id = ?")
        // All read first: updating a table while a cursor walks it is best avoided.
        for row in try Row.fetchAll(db, sql: "SELECT id, \(columns.joined(separator: ", ")) FROM \(table)") {
            let id: String = row["id"]
            var arguments: [String] = columns.map { TextFolding.uniqueKey(row[$0] ?? "") }
            arguments.append(id)
            try update.execute(arguments: StatementArguments(arguments))
        }
    }
}
