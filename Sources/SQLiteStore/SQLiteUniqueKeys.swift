import GRDB

/// The unique indexes on the case-folded key columns (migration v7), made or remade at every
/// start-up. Rows that already collide cannot all be in a unique index, and deleting or renaming
/// someone's account or group silently is not an option; so, per index, every colliding row but
/// the oldest of its key is left out of the index (a partial index, `WHERE id NOT IN (…)`) and
/// the collision is reported. New rows and renames are still checked against the oldest, so a
/// third `OLAF` is refused as before. Once the rows are renamed or removed, the next start-up
/// makes the full index again.
struct SQLiteUniqueKeys {
    var index: String
    var table: String
    var field: String
    /// The indexed columns: the key, after the group for channels.
    var keyColumns: [String]
    /// What is shown in a report.
    var valueColumn: String

    static let all = [
        SQLiteUniqueKeys(index: "users_username_key", table: "users", field: "username", keyColumns: ["usernameKey"], valueColumn: "username"),
        SQLiteUniqueKeys(index: "users_email_key", table: "users", field: "email", keyColumns: ["emailKey"], valueColumn: "email"),
        SQLiteUniqueKeys(index: "groups_name_key", table: "groups", field: "name", keyColumns: ["nameKey"], valueColumn: "name"),
        SQLiteUniqueKeys(
            index: "channels_group_name_key", table: "channels", field: "name", keyColumns: ["groupId", "nameKey"],
            valueColumn: "name"),
    ]

    /// Makes every index as the data allows and returns the collisions.
    static func enforce(in db: Database) throws -> [SQLiteKeyCollision] {
        var collisions: [SQLiteKeyCollision] = []
        for key in all {
            let found = try key.collisions(in: db)
            try key.createIndex(leavingOut: found.flatMap { $0.ids.dropFirst() }, in: db)
            collisions += found
        }
        return collisions
    }

    func collisions(in db: Database) throws -> [SQLiteKeyCollision] {
        let keys = keyColumns.joined(separator: ", ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT t.id, t.\(valueColumn) AS value, \(keyColumns.map { "t.\($0)" }.joined(separator: ", "))
                FROM \(table) t JOIN (SELECT \(keys) FROM \(table) GROUP BY \(keys) HAVING COUNT(*) > 1) USING (\(keys))
                ORDER BY \(keyColumns.map { "t.\($0)" }.joined(separator: ", ")), t.createdAt, t.id
                """)
        var collisions: [SQLiteKeyCollision] = []
        var previousKey: [String]?
        for row in rows {
            let key = keyColumns.map { column -> String in row[column] ?? "" }
            if key != previousKey {
                collisions.append(SQLiteKeyCollision(table: table, field: field, ids: [], values: []))
                previousKey = key
            }
            collisions[collisions.count - 1].ids.append(row["id"])
            collisions[collisions.count - 1].values.append(row["value"])
        }
        return collisions
    }

    /// Leaves the index alone when it already has the wanted definition.
    func createIndex(leavingOut ids: [String], in db: Database) throws {
        var sql = "CREATE UNIQUE INDEX \(index) ON \(table)(\(keyColumns.joined(separator: ", ")))"
        if !ids.isEmpty {
            // Literals, since a partial index takes no bound parameters; ids are quoted as SQL strings.
            let list = ids.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
            sql += " WHERE id NOT IN (\(list))"
        }
        let existing = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [index])
        guard existing != sql else { return }
        try db.execute(sql: "DROP INDEX IF EXISTS \(index)")
        try db.execute(sql: sql)
    }
}
