import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Conversions between model values and the column types chosen in `SQLiteMigrations`.
enum SQLiteValues {
    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(millis) / 1000)
    }

    static func optionalDate(_ millis: Int64?) -> Date? {
        millis.map { date($0) }
    }

    static func objectId(_ row: Row, _ column: String) throws -> ObjectId {
        let text: String = try row.decode(String.self, forColumn: column)
        guard let id = ObjectId(text) else { throw StoreError.corrupt("\(column) is not an id: \(text)") }
        return id
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func fromJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt("unreadable JSON column: \(error)")
        }
    }

    /// Runs a write and turns SQLite's unique-constraint failure into `StoreError.duplicate`,
    /// naming the column, so services see the same error as from MongoDB.
    static func mappingDuplicates<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // The message reads "UNIQUE constraint failed: users.username".
            let detail = error.message ?? ""
            let column = detail.split(separator: ".").last.map(String.init) ?? "unknown"
            throw StoreError.duplicate(field: column)
        }
    }
}
