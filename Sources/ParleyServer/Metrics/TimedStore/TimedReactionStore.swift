import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the reactions repository (see `TimedStore`).
struct TimedReactionStore: ReactionStore {
    let base: any ReactionStore
    let timer: StoreTimer

    func upsert(_ reaction: Reaction) async throws -> (reaction: Reaction, created: Bool) {
        try await timer.time("reactions.upsert(_:)") { try await base.upsert(reaction) }
    }

    func remove(messageId: ObjectId, userId: ObjectId) async throws -> Reaction? {
        try await timer.time("reactions.remove(messageId:userId:)") { try await base.remove(messageId: messageId, userId: userId) }
    }

    func find(messageId: ObjectId, userId: ObjectId) async throws -> Reaction? {
        try await timer.time("reactions.find(messageId:userId:)") { try await base.find(messageId: messageId, userId: userId) }
    }

    func reactions(messageIds: [ObjectId]) async throws -> [Reaction] {
        try await timer.time("reactions.reactions(messageIds:)") { try await base.reactions(messageIds: messageIds) }
    }
}
