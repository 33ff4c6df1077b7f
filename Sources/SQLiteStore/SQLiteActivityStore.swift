import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// The activity and audit log in `activity`. Append-only, and without foreign keys so that
/// entries survive the deletion of the users and things they mention.
struct SQLiteActivityStore: ActivityStore {
    let pool: DatabasePool

    func insert(_ entry: ActivityEntry) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO activity (id, actorId, actorName, action, targetType, targetId, details, isAdministrative, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.id.hexString, entry.actorId.hexString, entry.actorName, entry.action, entry.targetType,
                    entry.targetId?.hexString, entry.details, entry.isAdministrative, SQLiteValues.millis(entry.createdAt),
                ])
        }
    }

    func list(_ query: ActivityQuery) async throws -> Page<ActivityEntry> {
        var filter = SQLiteFilter()
        if let actorId = query.actorId { filter.add("actorId = ?", actorId.hexString) }
        if query.administrativeOnly { filter.add("isAdministrative = 1") }
        if let action = query.action { filter.add("action = ?", action) }
        if let targetType = query.targetType { filter.add("targetType = ?", targetType) }
        if let targetId = query.targetId { filter.add("targetId = ?", targetId.hexString) }
        if let targetIds = query.targetIds { try filter.add("targetId", in: targetIds) }
        // A half-open window, so consecutive windows never count an entry twice.
        if let since = query.since { filter.add("createdAt >= ?", SQLiteValues.millis(since)) }
        if let until = query.until { filter.add("createdAt < ?", SQLiteValues.millis(until)) }

        let countSQL = "SELECT COUNT(*) FROM activity \(filter.whereClause)"
        let pageSQL = "SELECT * FROM activity \(filter.whereClause) ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?"
        let countArguments = filter.statementArguments
        let pageArguments = filter.statementArguments(appending: query.page.limit, query.page.offset)
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: countSQL, arguments: countArguments) ?? 0
            let entries = try Row.fetchAll(db, sql: pageSQL, arguments: pageArguments).map(Self.entry(from:))
            return Page(items: entries, total: total)
        }
    }

    static func entry(from row: Row) throws -> ActivityEntry {
        ActivityEntry(
            id: try SQLiteValues.objectId(row, "id"),
            actorId: try SQLiteValues.objectId(row, "actorId"),
            actorName: try row.decode(String.self, forColumn: "actorName"),
            action: try row.decode(String.self, forColumn: "action"),
            targetType: try row.decode(String.self, forColumn: "targetType"),
            targetId: try SQLiteValues.optionalObjectId(row, "targetId"),
            details: try row.decode(String?.self, forColumn: "details"),
            isAdministrative: try row.decode(Bool.self, forColumn: "isAdministrative"),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "createdAt")))
    }
}
