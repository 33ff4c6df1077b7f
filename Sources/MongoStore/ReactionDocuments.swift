import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoReactionStore` sends to `messageReactions` (the old server's
/// collection name, so both servers see the same reactions).
enum ReactionDocuments {
    static let collection = "messageReactions"

    /// One reaction per user and message. The old server meant the same rule but never created
    /// its index; the key also serves every lookup by message.
    static let indexes: [MongoIndex] = [
        MongoIndex(collection: collection, keys: ["messageId": 1, "userId": 1], name: "messageId_1_userId_1", unique: true)
    ]

    /// Nil when the document holds a reaction that is not a string (old data): skipped.
    static func reaction(from document: BSONDocument) throws -> Reaction? {
        do {
            return try BSONDecoder().decode(ReactionDocument.self, from: document).model
        } catch {
            throw StoreError.corrupt("messageReactions document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(messageId: ObjectId, userId: ObjectId) -> BSONDocument {
        ["messageId": .objectId(messageId), "userId": .objectId(userId)]
    }

    /// Nil for no messages.
    static func filter(messageIds: [ObjectId]) -> BSONDocument? {
        guard !messageIds.isEmpty else { return nil }
        return ["messageId": ["$in": .array(messageIds.map(BSONValue.objectId))]]
    }

    static let listOptions: BSONDocument = ["sort": ["createdAt": 1, "_id": 1]]

    /// With upsert on `filter(messageId:userId:)`: replaces the reaction, name and time of the
    /// user's reaction, or inserts one whose `messageId`/`userId` come from the filter. A
    /// replaced reaction keeps its id and `createdAt`.
    static func upsert(_ reaction: Reaction) -> BSONDocument {
        [
            "$set": [
                "reaction": .string(reaction.reaction), "username": .string(reaction.username),
                "updatedAt": .date(reaction.updatedAt),
            ],
            "$setOnInsert": ["_id": .objectId(reaction.id), "createdAt": .date(reaction.createdAt)],
        ]
    }

    /// Reads an upsert's findAndModify reply: the stored reaction and whether it was inserted.
    /// `lastErrorObject.updatedExisting` says which; should a server leave it out, the stored
    /// id tells, since only an insert takes the proposed one.
    static func upsertResult(_ reply: BSONDocument, proposedId: ObjectId) throws -> (reaction: Reaction, created: Bool) {
        guard let document = reply["value"]?.documentValue, let reaction = try reaction(from: document) else {
            throw StoreError.corrupt("messageReactions upsert returned no reaction: \(reply)")
        }
        if case .bool(let updatedExisting)? = reply["lastErrorObject"]?.documentValue?["updatedExisting"] {
            return (reaction, !updatedExisting)
        }
        return (reaction, reaction.id == proposedId)
    }
}
