import ParleyCore

/// A message on the wire (the old `MessageModel.toResponse`) plus thread and attachment
/// fields. Unset optionals are null; `replyTo` and `mentions` are left out when unset, as
/// before.
struct MessageView: Encodable, Sendable {
    let message: Message

    init(_ message: Message) { self.message = message }

    enum CodingKeys: String, CodingKey {
        case id = "_id", channelId, groupId, userId, username, text, fileUrl, imageUrl, type, isEdited, isDeleted
        case editedAt, deletedAt, createdAt, updatedAt, replyTo, mentions, tags, replyCount, lastReplyAt
        case attachment, fileName, fileSize, isReply, originalMessageId
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(message.id.hexString, forKey: .id)
        try container.encode(message.channelId.hexString, forKey: .channelId)
        try container.encode(message.groupId.hexString, forKey: .groupId)
        try container.encode(message.userId.hexString, forKey: .userId)
        try container.encode(message.username, forKey: .username)
        try container.encode(message.text, forKey: .text)
        try container.encode(message.fileUrl, forKey: .fileUrl)
        try container.encode(message.imageUrl, forKey: .imageUrl)
        try container.encode(message.type, forKey: .type)
        try container.encode(message.isEdited, forKey: .isEdited)
        try container.encode(message.isDeleted, forKey: .isDeleted)
        try container.encodeIfPresent(message.editedAt.map(WireDate.string), forKey: .editedAt)
        try container.encodeIfPresent(message.deletedAt.map(WireDate.string), forKey: .deletedAt)
        try container.encode(WireDate.string(message.createdAt), forKey: .createdAt)
        try container.encode(WireDate.string(message.updatedAt), forKey: .updatedAt)
        try container.encodeIfPresent(message.replyTo?.hexString, forKey: .replyTo)
        if !message.mentions.isEmpty { try container.encode(message.mentions.map(\.hexString), forKey: .mentions) }
        try container.encode(message.tags, forKey: .tags)
        try container.encode(message.replyCount, forKey: .replyCount)
        try container.encode(message.lastReplyAt.map(WireDate.string), forKey: .lastReplyAt)
        try container.encode(message.attachment, forKey: .attachment)
        try container.encode(message.attachment?.fileName, forKey: .fileName)
        try container.encode(message.attachment?.fileSize, forKey: .fileSize)
        try container.encode(message.replyTo != nil, forKey: .isReply)
        try container.encodeIfPresent(message.replyTo?.hexString, forKey: .originalMessageId)
    }
}

extension MessageView: JSONWritable {
    /// The same fields, in the same order, as `encode(to:)` (a test holds the two together).
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.field("_id", message.id)
        writer.field("channelId", message.channelId)
        writer.field("groupId", message.groupId)
        writer.field("userId", message.userId)
        writer.field("username", message.username)
        writer.field("text", message.text)
        writer.field("fileUrl", message.fileUrl)
        writer.field("imageUrl", message.imageUrl)
        writer.field("type", message.type)
        writer.field("isEdited", message.isEdited)
        writer.field("isDeleted", message.isDeleted)
        if let editedAt = message.editedAt { writer.field("editedAt", editedAt) }
        if let deletedAt = message.deletedAt { writer.field("deletedAt", deletedAt) }
        writer.field("createdAt", message.createdAt)
        writer.field("updatedAt", message.updatedAt)
        if let replyTo = message.replyTo { writer.field("replyTo", replyTo) }
        if !message.mentions.isEmpty {
            writer.key("mentions")
            Self.writeStrings(message.mentions.map(\.hexString), to: &writer)
        }
        writer.key("tags")
        if let tags = message.tags { Self.writeStrings(tags, to: &writer) } else { writer.null() }
        writer.field("replyCount", message.replyCount)
        writer.field("lastReplyAt", message.lastReplyAt)
        writer.key("attachment")
        if let attachment = message.attachment {
            // `Attachment`'s synthesized encoding: unset optionals are left out.
            writer.openObject()
            writer.field("url", attachment.url)
            if let fileName = attachment.fileName { writer.field("fileName", fileName) }
            if let fileSize = attachment.fileSize { writer.field("fileSize", fileSize) }
            if let mimeType = attachment.mimeType { writer.field("mimeType", mimeType) }
            writer.closeObject()
        } else {
            writer.null()
        }
        writer.field("fileName", message.attachment?.fileName)
        writer.field("fileSize", message.attachment?.fileSize)
        writer.field("isReply", message.replyTo != nil)
        if let replyTo = message.replyTo { writer.field("originalMessageId", replyTo) }
        writer.closeObject()
    }

    private static func writeStrings(_ strings: [String], to writer: inout JSONWriter) {
        writer.openArray()
        for string in strings {
            writer.element()
            writer.string(string)
        }
        writer.closeArray()
    }
}

/// A reply in the old `messageReplies` shape: the reply message seen from its thread.
struct ReplyView: Encodable, Sendable {
    let reply: Message

    init(_ reply: Message) { self.reply = reply }

    enum CodingKeys: String, CodingKey {
        case id = "_id", originalMessageId, replyMessageId, channelId, userId, username, text, type, imageUrl, fileUrl
        case fileName, fileSize, isEdited, isDeleted, createdAt, updatedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reply.id.hexString, forKey: .id)
        try container.encode(reply.replyTo?.hexString, forKey: .originalMessageId)
        try container.encode(reply.id.hexString, forKey: .replyMessageId)
        try container.encode(reply.channelId.hexString, forKey: .channelId)
        try container.encode(reply.userId.hexString, forKey: .userId)
        try container.encode(reply.username, forKey: .username)
        try container.encode(reply.text, forKey: .text)
        try container.encode(reply.type, forKey: .type)
        try container.encode(reply.imageUrl, forKey: .imageUrl)
        try container.encode(reply.fileUrl, forKey: .fileUrl)
        try container.encode(reply.attachment?.fileName, forKey: .fileName)
        try container.encode(reply.attachment?.fileSize, forKey: .fileSize)
        try container.encode(reply.isEdited, forKey: .isEdited)
        try container.encode(reply.isDeleted, forKey: .isDeleted)
        try container.encode(WireDate.string(reply.createdAt), forKey: .createdAt)
        try container.encode(WireDate.string(reply.updatedAt), forKey: .updatedAt)
    }
}

/// `{reply, message}`: the thread entry and the message it is.
struct ReplyCreatedView: Encodable, Sendable {
    let reply: ReplyView
    let message: MessageView
    let parent: MessageView
}

/// `{replies, pagination: {page, limit, total, pages}}`.
struct ReplyListView: Encodable, Sendable {
    struct Pagination: Encodable, Sendable {
        let page: Int
        let limit: Int
        let total: Int
        let pages: Int
    }

    let replies: [ReplyView]
    let pagination: Pagination
}

struct MessageEditView: Encodable, Sendable {
    let id: String
    let messageId: String
    let previousText: String?
    let editedBy: String
    let editedAt: String

    enum CodingKeys: String, CodingKey { case id = "_id", messageId, previousText, editedBy, editedAt }

    init(_ edit: MessageEdit) {
        id = edit.id.hexString
        messageId = edit.messageId.hexString
        previousText = edit.previousText
        editedBy = edit.editedBy.hexString
        editedAt = WireDate.string(edit.editedAt)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(previousText, forKey: .previousText)
        try container.encode(editedBy, forKey: .editedBy)
        try container.encode(editedAt, forKey: .editedAt)
    }
}
