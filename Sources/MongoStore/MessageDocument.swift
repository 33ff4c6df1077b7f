import Foundation
import ParleyCore

/// A `messages` document in the old Node server's shape (spec §3.6) plus Parley's fields
/// (`groupId`, `attachment`, `replyCount`, `lastReplyAt`, and `searchGrams` for search).
///
/// Written with ObjectIds. The attachment's `fileName`/`fileSize` are also written at the top
/// level, where the old server's readers look. `replyTo` is left out when the message is not a
/// reply, so the partial index on `replyTo` holds replies only.
///
/// Read leniently, because the old server and its seed script left:
/// - `channelId`, `userId` (and ids in `mentions`) as 24-hex strings; entries of `mentions`
///   that are no id are skipped, and a missing `mentions` is [];
/// - no `groupId`: read as the channel's id. `Message.groupId` is required and the old data
///   cannot say which group the channel was in without a join; the service uses the field
///   only for display, never for an access decision;
/// - reply copies marked `isReply: true` with the parent in `originalMessageId`, and a
///   `replyTo` that may be any string: `replyTo` is the first of the two that is an id;
/// - `fileName`/`fileSize` at the top level instead of `attachment`: they become an attachment
///   of `fileUrl` (or `imageUrl`);
/// - no `type`: "image" with an image url, "file" with a file url, else "text"; no
///   `replyCount` → 0; flags absent → false; no `createdAt` → the id's time.
struct MessageDocument: Encodable, Decodable, Equatable {
    var message: Message

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case channelId, groupId, userId, username, text, type, imageUrl, fileUrl, attachment, fileName, fileSize
        case replyTo, replyCount, lastReplyAt, mentions, tags, isEdited, editedAt, isDeleted, deletedAt
        case createdAt, updatedAt
        /// Written, never read: derived from `text` for search (`MessageSearchGrams`).
        case searchGrams
        /// Only in old reply copies.
        case originalMessageId
    }

    init(_ message: Message) {
        self.message = message
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(message.id, forKey: .id)
        try container.encode(message.channelId, forKey: .channelId)
        try container.encode(message.groupId, forKey: .groupId)
        try container.encode(message.userId, forKey: .userId)
        try container.encode(message.username, forKey: .username)
        try container.encodeIfPresent(message.text, forKey: .text)
        try container.encode(message.type, forKey: .type)
        try container.encodeIfPresent(message.imageUrl, forKey: .imageUrl)
        try container.encodeIfPresent(message.fileUrl, forKey: .fileUrl)
        try container.encodeIfPresent(message.attachment, forKey: .attachment)
        try container.encodeIfPresent(message.attachment?.fileName, forKey: .fileName)
        try container.encodeIfPresent(message.attachment?.fileSize, forKey: .fileSize)
        if let replyTo = message.replyTo { try container.encode(replyTo, forKey: .replyTo) }
        try container.encode(message.replyCount, forKey: .replyCount)
        try container.encodeIfPresent(message.lastReplyAt, forKey: .lastReplyAt)
        try container.encode(message.mentions, forKey: .mentions)
        try container.encodeIfPresent(message.tags, forKey: .tags)
        try container.encode(message.isEdited, forKey: .isEdited)
        try container.encodeIfPresent(message.editedAt, forKey: .editedAt)
        try container.encode(message.isDeleted, forKey: .isDeleted)
        try container.encodeIfPresent(message.deletedAt, forKey: .deletedAt)
        try container.encode(message.createdAt, forKey: .createdAt)
        try container.encode(message.updatedAt, forKey: .updatedAt)
        if let text = message.text, !message.isDeleted {
            try container.encode(MessageSearchGrams.grams(of: text), forKey: .searchGrams)
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(ObjectId.self, forKey: .id)
        let channelId = try Self.requiredId(container, .channelId)
        let imageUrl = try? container.decodeIfPresent(String.self, forKey: .imageUrl)
        let fileUrl = try? container.decodeIfPresent(String.self, forKey: .fileUrl)
        let createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt) ?? id.timestamp
        message = Message(
            id: id,
            channelId: channelId,
            groupId: Self.optionalId(container, .groupId) ?? channelId,
            userId: try Self.requiredId(container, .userId),
            username: (try? container.decodeIfPresent(String.self, forKey: .username)) ?? "",
            text: try container.decodeIfPresent(String.self, forKey: .text),
            type: (try? container.decodeIfPresent(String.self, forKey: .type))
                ?? (imageUrl != nil ? "image" : fileUrl != nil ? "file" : "text"),
            imageUrl: imageUrl,
            fileUrl: fileUrl,
            attachment: Self.attachment(container, url: fileUrl ?? imageUrl),
            replyTo: Self.optionalId(container, .replyTo) ?? Self.optionalId(container, .originalMessageId),
            replyCount: max(0, (try? container.decodeIfPresent(Int.self, forKey: .replyCount)) ?? 0),
            lastReplyAt: try? container.decodeIfPresent(Date.self, forKey: .lastReplyAt),
            mentions: Self.ids(container, .mentions),
            tags: (try? container.decodeIfPresent([LenientString].self, forKey: .tags))?.compactMap(\.text),
            isEdited: (try? container.decodeIfPresent(Bool.self, forKey: .isEdited)) ?? false,
            editedAt: try? container.decodeIfPresent(Date.self, forKey: .editedAt),
            isDeleted: (try? container.decodeIfPresent(Bool.self, forKey: .isDeleted)) ?? false,
            deletedAt: try? container.decodeIfPresent(Date.self, forKey: .deletedAt),
            createdAt: createdAt,
            updatedAt: (try? container.decodeIfPresent(Date.self, forKey: .updatedAt)) ?? createdAt)
    }

    /// Parley's `attachment` document; failing that, the old top-level `fileName`/`fileSize`
    /// around the message's url. A url alone is not an attachment (an old image message).
    private static func attachment(_ container: KeyedDecodingContainer<CodingKeys>, url: String?) -> Attachment? {
        if let attachment = try? container.decodeIfPresent(Attachment.self, forKey: .attachment) { return attachment }
        let fileName = try? container.decodeIfPresent(String.self, forKey: .fileName)
        let fileSize = try? container.decodeIfPresent(Int.self, forKey: .fileSize)
        guard let url, fileName != nil || fileSize != nil else { return nil }
        return Attachment(url: url, fileName: fileName, fileSize: fileSize)
    }

    private static func optionalId(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> ObjectId? {
        (try? container.decodeIfPresent(LenientObjectId.self, forKey: key))?.id
    }

    private static func ids(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> [ObjectId] {
        (try? container.decodeIfPresent([LenientObjectId].self, forKey: key))?.compactMap(\.id) ?? []
    }

    /// An ObjectId or its 24-hex string; anything else makes the document unreadable, since a
    /// message outside any channel or without an author cannot be shown.
    private static func requiredId(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> ObjectId {
        guard let id = optionalId(container, key) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(key.stringValue) is missing or not an id")
        }
        return id
    }
}
