import Foundation
import ParleyCore
import ParleyStore

/// Reactions on MongoDB, in the old server's `messageReactions`. Documents and queries come from
/// `ReactionDocuments`.
struct MongoReactionStore: ReactionStore {
    let collection: MongoCollection
    /// Upserts wait for the unique (messageId, userId) index: without it two concurrent first
    /// reactions by one user could both insert.
    let indexes: IndexGate

    func upsert(_ reaction: Reaction) async throws -> (reaction: Reaction, created: Bool) {
        let filter = ReactionDocuments.filter(messageId: reaction.messageId, userId: reaction.userId)
        let update = ReactionDocuments.upsert(reaction)
        try await indexes.ensure()
        do {
            return try ReactionDocuments.upsertResult(
                await collection.findOneAndUpsert(filter, update: update), proposedId: reaction.id)
        } catch StoreError.duplicate(let field) where field != "_id" {
            // Two first reactions by one user raced and the other inserted first (servers before
            // 4.2 do not retry this themselves); now there is a document to update.
            return try ReactionDocuments.upsertResult(
                await collection.findOneAndUpsert(filter, update: update), proposedId: reaction.id)
        }
    }

    /// The removed reaction; nil when there was none, or when it was an old non-string reaction
    /// (removed all the same).
    func remove(messageId: ObjectId, userId: ObjectId) async throws -> Reaction? {
        try await collection.findOneAndDelete(ReactionDocuments.filter(messageId: messageId, userId: userId))
            .flatMap(ReactionDocuments.reaction(from:))
    }

    func find(messageId: ObjectId, userId: ObjectId) async throws -> Reaction? {
        try await collection.findOne(ReactionDocuments.filter(messageId: messageId, userId: userId))
            .flatMap(ReactionDocuments.reaction(from:))
    }

    func reactions(messageIds: [ObjectId]) async throws -> [Reaction] {
        guard let filter = ReactionDocuments.filter(messageIds: messageIds) else { return [] }
        return try await collection.find(filter, options: ReactionDocuments.listOptions)
            .compactMap(ReactionDocuments.reaction(from:))
    }
}
