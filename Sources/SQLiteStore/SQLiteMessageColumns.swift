import GRDB
import ParleyCore
import ParleyStore

/// Where each column of a `messages` row sits, found once per result set from its first row:
/// the rows of a page are then decoded by index. GRDB's by-name lookups search the row's
/// column names, case-insensitively, for every field of every row — most of the cost of
/// decoding a 50-message page. `SELECT *` keeps working whatever the table's column order.
struct SQLiteMessageColumns {
    let id, channelId, groupId, userId, username, text, type, imageUrl, fileUrl, attachment: Int
    let replyTo, replyCount, lastReplyAt, mentions, tags, isEdited, editedAt, isDeleted, deletedAt, createdAt, updatedAt: Int

    init(of row: Row) throws {
        let names = Array(row.columnNames)
        func index(_ name: String) throws -> Int {
            guard let index = names.firstIndex(of: name) else { throw StoreError.corrupt("messages row without \(name)") }
            return index
        }
        id = try index("id")
        channelId = try index("channelId")
        groupId = try index("groupId")
        userId = try index("userId")
        username = try index("username")
        text = try index("text")
        type = try index("type")
        imageUrl = try index("imageUrl")
        fileUrl = try index("fileUrl")
        attachment = try index("attachment")
        replyTo = try index("replyTo")
        replyCount = try index("replyCount")
        lastReplyAt = try index("lastReplyAt")
        mentions = try index("mentions")
        tags = try index("tags")
        isEdited = try index("isEdited")
        editedAt = try index("editedAt")
        isDeleted = try index("isDeleted")
        deletedAt = try index("deletedAt")
        createdAt = try index("createdAt")
        updatedAt = try index("updatedAt")
    }
}

extension Collection where Element == Row {
    /// The rows of one `messages` result set as messages, decoded by column index.
    func decodedMessages() throws -> [Message] {
        try SQLiteMessageRows.messages(from: self)
    }
}
