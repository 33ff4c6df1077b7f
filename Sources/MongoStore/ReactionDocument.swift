import Foundation
import ParleyCore

/// A `messageReactions` document in the old server's shape (spec §3.7) plus `username`.
///
/// Read leniently: ids may be 24-hex strings, `username` may be missing (the old server did not
/// store it) and timestamps fall back to the id's time. The old server stored `reaction` as
/// whatever the client sent; `reaction` is nil when it is not a string, and the store skips such
/// a document.
struct ReactionDocument: Encodable, Decodable, Equatable {
    var id: ObjectId
    var messageId: ObjectId
    var userId: ObjectId
    var username: String
    var reaction: String?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case messageId, userId, username, reaction, createdAt, updatedAt
    }

    init(_ reaction: Reaction) {
        id = reaction.id
        messageId = reaction.messageId
        userId = reaction.userId
        username = reaction.username
        self.reaction = reaction.reaction
        createdAt = reaction.createdAt
        updatedAt = reaction.updatedAt
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ObjectId.self, forKey: .id)
        messageId = try Self.requiredId(container, .messageId)
        userId = try Self.requiredId(container, .userId)
        username = (try? container.decodeIfPresent(String.self, forKey: .username)) ?? ""
        reaction = try? container.decodeIfPresent(String.self, forKey: .reaction)
        createdAt = (try? container.decodeIfPresent(Date.self, forKey: .createdAt)) ?? id.timestamp
        updatedAt = (try? container.decodeIfPresent(Date.self, forKey: .updatedAt)) ?? createdAt
    }

    /// Nil for an old reaction that is not a string.
    var model: Reaction? {
        guard let reaction else { return nil }
        return Reaction(
            id: id, messageId: messageId, userId: userId, username: username, reaction: reaction, createdAt: createdAt,
            updatedAt: updatedAt)
    }

    private static func requiredId(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> ObjectId {
        guard let id = (try? container.decodeIfPresent(LenientObjectId.self, forKey: key))?.id else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(key.stringValue) is missing or not an id")
        }
        return id
    }
}
