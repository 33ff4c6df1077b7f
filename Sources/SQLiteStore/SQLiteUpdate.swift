import Foundation
import GRDB
import ParleyCore

/// Builds `UPDATE <table> SET updatedAt = ?, <column> = ?… WHERE id = ? RETURNING *` from
/// the fields a partial change sets, with every value bound as a parameter.
struct SQLiteUpdate {
    private var assignments = ["updatedAt = ?"]
    private var arguments: [(any DatabaseValueConvertible)?]

    init(at date: Date) {
        arguments = [SQLiteValues.millis(date)]
    }

    /// Sets `column` to `value` (nil writes NULL).
    mutating func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
        assignments.append("\(column) = ?")
        arguments.append(value)
    }

    func statement(table: String, id: ObjectId) -> (sql: String, arguments: StatementArguments) {
        let sql = "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ? RETURNING *"
        return (sql, StatementArguments(arguments + [id.hexString]))
    }
}
