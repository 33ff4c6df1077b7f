import Foundation

/// A file attached to a message (image or document), as uploaded.
public struct Attachment: Codable, Sendable, Equatable {
    public var url: String
    public var fileName: String?
    public var fileSize: Int?
    public var mimeType: String?

    public init(url: String, fileName: String? = nil, fileSize: Int? = nil, mimeType: String? = nil) {
        self.url = url
        self.fileName = fileName
        self.fileSize = fileSize
        self.mimeType = mimeType
    }
}

/// A chat message. A reply is a message whose `replyTo` names its parent; the parent keeps a
/// count of its replies and the time of the last one. Deleting turns a message into a tombstone:
/// it stays in the history with its text and attachments removed.
public struct Message: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var channelId: ObjectId
    /// The channel's group, kept on the message so reads can be scoped without a join.
    public var groupId: ObjectId
    public var userId: ObjectId
    public var username: String
    public var text: String?
    /// `text`, `image`, `file` or `system`.
    public var type: String
    public var imageUrl: String?
    public var fileUrl: String?
    public var attachment: Attachment?
    public var replyTo: ObjectId?
    public var replyCount: Int
    public var lastReplyAt: Date?
    public var mentions: [ObjectId]
    public var tags: [String]?
    public var isEdited: Bool
    public var editedAt: Date?
    public var isDeleted: Bool
    public var deletedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public static let types: Set<String> = ["text", "image", "file", "system"]
    public static let maximumTextLength = 10_000

    public init(
        id: ObjectId = ObjectId(), channelId: ObjectId, groupId: ObjectId, userId: ObjectId, username: String,
        text: String?, type: String = "text", imageUrl: String? = nil, fileUrl: String? = nil, attachment: Attachment? = nil,
        replyTo: ObjectId? = nil, replyCount: Int = 0, lastReplyAt: Date? = nil, mentions: [ObjectId] = [],
        tags: [String]? = nil, isEdited: Bool = false, editedAt: Date? = nil, isDeleted: Bool = false,
        deletedAt: Date? = nil, createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.channelId = channelId
        self.groupId = groupId
        self.userId = userId
        self.username = username
        self.text = text
        self.type = type
        self.imageUrl = imageUrl
        self.fileUrl = fileUrl
        self.attachment = attachment
        self.replyTo = replyTo
        self.replyCount = replyCount
        self.lastReplyAt = lastReplyAt
        self.mentions = mentions
        self.tags = tags
        self.isEdited = isEdited
        self.editedAt = editedAt
        self.isDeleted = isDeleted
        self.deletedAt = deletedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// A previous version of an edited message, kept for group admins and super_admins.
public struct MessageEdit: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var messageId: ObjectId
    public var previousText: String?
    public var editedBy: ObjectId
    public var editedAt: Date

    public init(id: ObjectId = ObjectId(), messageId: ObjectId, previousText: String?, editedBy: ObjectId, editedAt: Date) {
        self.id = id
        self.messageId = messageId
        self.previousText = previousText
        self.editedBy = editedBy
        self.editedAt = editedAt
    }
}

/// One user's reaction to one message (at most one per user and message).
public struct Reaction: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var messageId: ObjectId
    public var userId: ObjectId
    public var username: String
    public var reaction: String
    public var createdAt: Date
    public var updatedAt: Date

    public static let maximumLength = 64

    public init(
        id: ObjectId = ObjectId(), messageId: ObjectId, userId: ObjectId, username: String, reaction: String,
        createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.messageId = messageId
        self.userId = userId
        self.username = username
        self.reaction = reaction
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
