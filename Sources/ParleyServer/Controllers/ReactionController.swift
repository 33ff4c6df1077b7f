import Hummingbird
import ParleyCore

/// `/api/messages/:id/reactions` and `/api/messages/reactions/batch`, in the
/// `{success, message, data, statusCode}` envelope.
struct ReactionController: Sendable {
    let reactions: ReactionService
    let bodyLimit: Int

    /// The first reaction answers 201, a replacing one 200.
    func react(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<ReactionView> {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "message")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let text = try body.string("reaction") ?? body.string("emoji") else { throw DomainError.validation("Reaction is required") }
        let (reaction, created) = try await reactions.react(principal: principal, messageId: id, reaction: text)
        return created
            ? StatusEnvelope(.created, message: "Reaction added successfully", data: ReactionView(reaction))
            : StatusEnvelope(.ok, message: "Reaction updated successfully", data: ReactionView(reaction))
    }

    func remove(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<ReactionView> {
        let removed = try await reactions.remove(principal: try context.requirePrincipal(), messageId: try context.parameters.objectId("id", thing: "message"))
        return StatusEnvelope(message: "Reaction removed successfully", data: ReactionView(removed))
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<ReactionSummaryView> {
        let list = try await reactions.reactions(principal: try context.requirePrincipal(), messageId: try context.parameters.objectId("id", thing: "message"))
        return StatusEnvelope(message: "Reactions retrieved successfully", data: ReactionSummaryView(list))
    }

    func check(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<ReactionCheckView> {
        let mine = try await reactions.mine(principal: try context.requirePrincipal(), messageId: try context.parameters.objectId("id", thing: "message"))
        return StatusEnvelope(message: "User reaction status retrieved", data: ReactionCheckView(hasReacted: mine != nil, reaction: mine?.reaction))
    }

    func batch(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<[String: ReactionSummaryView]> {
        let principal = try context.requirePrincipal()
        let ids = try Self.messageIds(try await JSONBody.read(request, limit: bodyLimit))
        let grouped = try await reactions.reactions(principal: principal, messageIds: ids)
        let data = Dictionary(uniqueKeysWithValues: grouped.map { ($0.key.hexString, ReactionSummaryView($0.value)) })
        return StatusEnvelope(message: "Multiple message reactions retrieved successfully", data: data)
    }

    static func messageIds(_ body: JSONBody) throws -> [ObjectId] {
        guard let texts = try body.stringArray("messageIds") else { throw DomainError.validation("messageIds array is required") }
        guard texts.count <= 200 else { throw DomainError.validation("At most 200 messageIds at once") }
        // Each id once: the answer is keyed by id, and a repeated id used to trap building it.
        var seen = Set<ObjectId>()
        return try texts.compactMap { text in
            guard let id = ObjectId(text) else { throw DomainError.invalidId("message") }
            return seen.insert(id).inserted ? id : nil
        }
    }
}
