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
        try objectId(try row.decode(String.self, forColumn: column), column: column)
    }

    private static func objectId(_ text: String, column: @autoclosure () -> String) throws -> ObjectId {
        guard let id = ObjectId(text) else { throw StoreError.corrupt("\(column()) is not an id: \(text)") }
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

    static func optionalObjectId(_ row: Row, _ column: String) throws -> ObjectId? {
        guard let text: String = try row.decode(String?.self, forColumn: column) else { return nil }
        return try objectId(text, column: column)
    }

    /// Ids as one JSON array, for `IN (SELECT value FROM json_each(?))`.
    static func idList(_ ids: [ObjectId]) throws -> String {
        try json(ids.map(\.hexString))
    }

    /// Unique indexes whose field is not simply their last column, keyed by the column list
    /// SQLite names in its message (it names columns, not the index).
    static let duplicateFields = [
        // The partial index allowing one pending request per user and group.
        "group_requests.userId, group_requests.groupId": "pending",
        // The case-folded keys (SQLiteUniqueKeys) stand for the fields they fold.
        "users.usernameKey": "username",
        "users.emailKey": "email",
        "groups.nameKey": "name",
        "channels.groupId, channels.nameKey": "name",
    ]

    /// Runs a write and turns SQLite's unique-constraint failure into `StoreError.duplicate`,
    /// naming the field, so services see the same error as from MongoDB.
    static func mappingDuplicates<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError.duplicate(field: duplicateField(message: error.message ?? ""))
        }
    }

    /// "UNIQUE constraint failed: channels.groupId, channels.name" names the field "name":
    /// the last column, unless `duplicateFields` knows the whole list.
    static func duplicateField(message: String) -> String {
        let prefix = "UNIQUE constraint failed: "
        let columns = message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
        if let field = duplicateFields[columns] { return field }
        return columns.split(separator: ".").last.map(String.init) ?? "unknown"
    }
}
