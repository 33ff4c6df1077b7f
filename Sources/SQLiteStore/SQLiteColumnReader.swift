import Foundation
import GRDBSQLite
import ParleyCore
import ParleyStore

/// Reads the current row of a statement that GRDB is stepping, with SQLite's own column
/// functions. A history page is 50 rows of 21 columns; GRDB's `Row` copies every value into a
/// `DatabaseValue` and decodes it through generic code whose metadata the runtime looks up per
/// call — together most of the cost of reading a page. Text is read in place, ids parsed from
/// its bytes. Types are checked as strictly as GRDB's decoding: a value of the wrong storage
/// class is a corrupt row, never a silent default.
struct SQLiteColumnReader {
    let statement: OpaquePointer

    func isNull(_ column: SQLiteMessageColumn) -> Bool {
        sqlite3_column_type(statement, column.rawValue) == SQLITE_NULL
    }

    func int64(_ column: SQLiteMessageColumn) throws -> Int64 {
        guard sqlite3_column_type(statement, column.rawValue) == SQLITE_INTEGER else { throw corrupt(column, "is not an integer") }
        return sqlite3_column_int64(statement, column.rawValue)
    }

    func optionalInt64(_ column: SQLiteMessageColumn) throws -> Int64? {
        isNull(column) ? nil : try int64(column)
    }

    func bool(_ column: SQLiteMessageColumn) throws -> Bool {
        try int64(column) != 0
    }

    func text(_ column: SQLiteMessageColumn) throws -> String {
        try withText(column) { String(decoding: $0, as: UTF8.self) }
    }

    func optionalText(_ column: SQLiteMessageColumn) throws -> String? {
        isNull(column) ? nil : try text(column)
    }

    func objectId(_ column: SQLiteMessageColumn) throws -> ObjectId {
        try withText(column) { utf8 in
            guard let id = ObjectId(hexUTF8: utf8) else { throw corrupt(column, "is not an id: \(String(decoding: utf8, as: UTF8.self))") }
            return id
        }
    }

    func optionalObjectId(_ column: SQLiteMessageColumn) throws -> ObjectId? {
        isNull(column) ? nil : try objectId(column)
    }

    /// The column's UTF-8 bytes, valid only inside `body` (SQLite owns them until the next step).
    func withText<T>(_ column: SQLiteMessageColumn, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        guard sqlite3_column_type(statement, column.rawValue) == SQLITE_TEXT else { throw corrupt(column, "is not text") }
        // sqlite3_column_text before sqlite3_column_bytes, as SQLite documents: the count is
        // then the length of that very text.
        let pointer = sqlite3_column_text(statement, column.rawValue)
        let count = Int(sqlite3_column_bytes(statement, column.rawValue))
        guard let pointer else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: pointer, count: count))
    }

    private func corrupt(_ column: SQLiteMessageColumn, _ problem: String) -> StoreError {
        StoreError.corrupt("messages.\(column) \(problem)")
    }
}
