import GRDB
import ParleyCore

/// A WHERE clause built condition by condition, with its arguments kept beside it so that user
/// input only ever travels as a bound parameter.
struct SQLiteFilter {
    private var conditions: [String] = []
    private var arguments: [(any DatabaseValueConvertible)?] = []

    /// `condition` with one `?` per value.
    mutating func add(_ condition: String, _ values: (any DatabaseValueConvertible)?...) {
        conditions.append(condition)
        arguments += values
    }

    /// Literal, case-insensitive containment in any of `columns`. instr() takes no pattern
    /// characters, so `%`, `_` or `.*` in the input match only themselves.
    mutating func addSearch(_ text: String?, in columns: [String]) {
        guard let text, !text.isEmpty else { return }
        let tests = columns.map { "instr(lower(COALESCE(\($0), '')), lower(?)) > 0" }
        conditions.append("(" + tests.joined(separator: " OR ") + ")")
        arguments += columns.map { _ in text }
    }

    /// `column IN (ids)`, the ids passed as one JSON array parameter so the statement's text
    /// (and SQLite's variable limit) does not depend on how many there are.
    mutating func add(_ column: String, in ids: [ObjectId]) throws {
        add("\(column) IN (SELECT value FROM json_each(?))", try SQLiteValues.idList(ids))
    }

    var whereClause: String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    var statementArguments: StatementArguments { StatementArguments(arguments) }

    /// The filter's arguments followed by `extra` (for LIMIT and OFFSET).
    func statementArguments(appending extra: (any DatabaseValueConvertible)?...) -> StatementArguments {
        StatementArguments(arguments + extra)
    }
}
