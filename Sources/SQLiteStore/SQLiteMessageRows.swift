import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Writes messages into `messages` and reads them back. Shared by the store and the bulk insert,
/// so that both keep the reply counters the same way.
enum SQLiteMessageRows {
    static let insertSQL = """
        INSERT INTO messages (\(SQLiteMessageColumn.list))
        VALUES (\(SQLiteMessageColumn.allCases.map { _ in "?" }.joined(separator: ", ")))
        """

    /// The same insert, doing nothing when a message with that id is already stored.
    static let insertIfMissingSQL = insertSQL + " ON CONFLICT(id) DO NOTHING"

    /// Inserts one message and, when it is a live reply, counts it on its parent. Must run inside
    /// a write transaction so both happen or neither does. With `skippingExisting`, a message
    /// whose id is already stored is left alone (and not counted again); returns whether it was new.
    @discardableResult
    static func insert(_ message: Message, in db: Database, skippingExisting: Bool = false) throws -> Bool {
        let arguments: StatementArguments = [
            message.id.hexString, message.channelId.hexString, message.groupId.hexString, message.userId.hexString,
            message.username, message.text, message.type, message.imageUrl, message.fileUrl,
            try message.attachment.map(SQLiteValues.json), message.replyTo?.hexString, message.replyCount,
            message.lastReplyAt.map(SQLiteValues.millis), try SQLiteValues.idList(message.mentions),
            try message.tags.map(SQLiteValues.json), message.isEdited, message.editedAt.map(SQLiteValues.millis),
            message.isDeleted, message.deletedAt.map(SQLiteValues.millis), SQLiteValues.millis(message.createdAt),
            SQLiteValues.millis(message.updatedAt),
        ]
        try SQLiteValues.mappingDuplicates {
            try db.cachedStatement(sql: skippingExisting ? insertIfMissingSQL : insertSQL).execute(arguments: arguments)
        }
        // The full-text trigger's writes are not in this count: it is the message row alone.
        if skippingExisting, db.changesCount == 0 { return false }
        if let parentId = message.replyTo, !message.isDeleted {
            // lastReplyAt only moves forward: a reply inserted late with an old date keeps the newest.
            let createdAt = SQLiteValues.millis(message.createdAt)
            try db.cachedStatement(
                sql: """
                    UPDATE messages SET replyCount = replyCount + 1,
                        lastReplyAt = CASE WHEN lastReplyAt IS NULL OR lastReplyAt < ? THEN ? ELSE lastReplyAt END
                    WHERE id = ?
                    """
            ).execute(arguments: [createdAt, createdAt, parentId.hexString])
        }
        return true
    }

    /// `SELECT <the message columns> FROM messages`: every query that reads messages starts so.
    static let select = "SELECT \(SQLiteMessageColumn.list) FROM messages"

    static func message(id: ObjectId, in db: Database) throws -> Message? {
        try messages(db.cachedStatement(sql: "\(select) WHERE id = ?"), arguments: [id.hexString]).first
    }

    /// Runs a statement that selects (or returns) the message columns in `SQLiteMessageColumn`
    /// order and reads every row, straight from the statement (`SQLiteColumnReader`).
    static func messages(_ statement: Statement, arguments: StatementArguments) throws -> [Message] {
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        let reader = SQLiteColumnReader(statement: statement.sqliteStatement)
        var messages: [Message] = []
        while try cursor.next() != nil {
            messages.append(try message(from: reader))
        }
        return messages
    }

    static func messages(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Message] {
        try messages(db.makeStatement(sql: sql), arguments: arguments)
    }

    /// The message in the reader's current row.
    static func message(from row: SQLiteColumnReader) throws -> Message {
        // Most messages mention nobody; skipping the JSON decoder for them is a large part of
        // the cost of reading a page.
        let mentions: [ObjectId] =
            try row.withText(.mentions) { $0.elementsEqual("[]".utf8) }
            ? []
            : try SQLiteValues.fromJSON([String].self, row.text(.mentions)).map { text in
                guard let id = ObjectId(text) else { throw StoreError.corrupt("mentions holds a non-id: \(text)") }
                return id
            }
        let attachment = try row.optionalText(.attachment).map { try SQLiteValues.fromJSON(Attachment.self, $0) }
        let tags = try row.optionalText(.tags).map { try SQLiteValues.fromJSON([String].self, $0) }
        return Message(
            id: try row.objectId(.id),
            channelId: try row.objectId(.channelId),
            groupId: try row.objectId(.groupId),
            userId: try row.objectId(.userId),
            username: try row.text(.username),
            text: try row.optionalText(.text),
            type: try row.text(.type),
            imageUrl: try row.optionalText(.imageUrl),
            fileUrl: try row.optionalText(.fileUrl),
            attachment: attachment,
            replyTo: try row.optionalObjectId(.replyTo),
            replyCount: Int(truncatingIfNeeded: try row.int64(.replyCount)),
            lastReplyAt: SQLiteValues.optionalDate(try row.optionalInt64(.lastReplyAt)),
            mentions: mentions,
            tags: tags,
            isEdited: try row.bool(.isEdited),
            editedAt: SQLiteValues.optionalDate(try row.optionalInt64(.editedAt)),
            isDeleted: try row.bool(.isDeleted),
            deletedAt: SQLiteValues.optionalDate(try row.optionalInt64(.deletedAt)),
            createdAt: SQLiteValues.date(try row.int64(.createdAt)),
            updatedAt: SQLiteValues.date(try row.int64(.updatedAt)))
    }

    static func edit(from row: Row) throws -> MessageEdit {
        MessageEdit(
            id: try SQLiteValues.objectId(row, "id"),
            messageId: try SQLiteValues.objectId(row, "messageId"),
            previousText: try row.decode(String?.self, forColumn: "previousText"),
            editedBy: try SQLiteValues.objectId(row, "editedBy"),
            editedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "editedAt")))
    }
}
