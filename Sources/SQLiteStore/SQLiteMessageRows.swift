import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Writes messages into `messages` and reads them back. Shared by the store and the bulk insert,
/// so that both keep the reply counters the same way.
enum SQLiteMessageRows {
    static let insertSQL = """
        INSERT INTO messages (id, channelId, groupId, userId, username, text, type, imageUrl, fileUrl, attachment,
                              replyTo, replyCount, lastReplyAt, mentions, tags, isEdited, editedAt, isDeleted,
                              deletedAt, createdAt, updatedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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

    static func message(id: ObjectId, in db: Database) throws -> Message? {
        try Row.fetchOne(db, sql: "SELECT * FROM messages WHERE id = ?", arguments: [id.hexString]).map(message(from:))
    }

    static func message(from row: Row) throws -> Message {
        try message(from: row, columns: SQLiteMessageColumns(of: row))
    }

    /// Rows of one result set, decoded by column index (`SQLiteMessageColumns`).
    static func messages(from rows: some Collection<Row>) throws -> [Message] {
        guard let first = rows.first else { return [] }
        let columns = try SQLiteMessageColumns(of: first)
        return try rows.map { try message(from: $0, columns: columns) }
    }

    static func message(from row: Row, columns: SQLiteMessageColumns) throws -> Message {
        func id(_ index: Int) throws -> ObjectId { try SQLiteValues.objectId(row, atIndex: index) }
        let mentionsJSON = try row.decode(String.self, atIndex: columns.mentions)
        // Most messages mention nobody; skipping the JSON decoder for them is a large part of
        // the cost of reading a page.
        let mentions: [ObjectId] =
            mentionsJSON == "[]"
            ? []
            : try SQLiteValues.fromJSON([String].self, mentionsJSON).map { text in
                guard let id = ObjectId(text) else { throw StoreError.corrupt("mentions holds a non-id: \(text)") }
                return id
            }
        let attachment = try row.decode(String?.self, atIndex: columns.attachment).map { try SQLiteValues.fromJSON(Attachment.self, $0) }
        let tags = try row.decode(String?.self, atIndex: columns.tags).map { try SQLiteValues.fromJSON([String].self, $0) }
        return Message(
            id: try id(columns.id),
            channelId: try id(columns.channelId),
            groupId: try id(columns.groupId),
            userId: try id(columns.userId),
            username: try row.decode(String.self, atIndex: columns.username),
            text: try row.decode(String?.self, atIndex: columns.text),
            type: try row.decode(String.self, atIndex: columns.type),
            imageUrl: try row.decode(String?.self, atIndex: columns.imageUrl),
            fileUrl: try row.decode(String?.self, atIndex: columns.fileUrl),
            attachment: attachment,
            replyTo: try SQLiteValues.optionalObjectId(row, atIndex: columns.replyTo),
            replyCount: try row.decode(Int.self, atIndex: columns.replyCount),
            lastReplyAt: SQLiteValues.optionalDate(try row.decode(Int64?.self, atIndex: columns.lastReplyAt)),
            mentions: mentions,
            tags: tags,
            isEdited: try row.decode(Bool.self, atIndex: columns.isEdited),
            editedAt: SQLiteValues.optionalDate(try row.decode(Int64?.self, atIndex: columns.editedAt)),
            isDeleted: try row.decode(Bool.self, atIndex: columns.isDeleted),
            deletedAt: SQLiteValues.optionalDate(try row.decode(Int64?.self, atIndex: columns.deletedAt)),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, atIndex: columns.createdAt)),
            updatedAt: SQLiteValues.date(try row.decode(Int64.self, atIndex: columns.updatedAt)))
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
