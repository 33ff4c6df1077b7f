import Hummingbird
import ParleyCore

/// `/api/messages/:id/replies`, `/replies/batch`, `/replies/:replyId`, in the
/// `{success, message, data, statusCode}` envelope.
struct ReplyController: Sendable {
    let replies: ReplyService
    let inlineImages: InlineImageService
    /// `PUBLIC_URL`, when set, starts the URL of an image sent inside a reply.
    let publicURL: String?
    let bodyLimit: Int

    func create(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<ReplyCreatedView> {
        let principal = try context.requirePrincipal()
        let parentId = try context.parameters.objectId("id", thing: "message")
        // The Angular chat page sends a picture in a reply as a data URL too.
        let body = try await JSONBody.read(request, limit: inlineImages.bodyLimit)
        guard try body.string("text") != nil || body.has("imageUrl") || body.has("fileUrl") else {
            throw DomainError.validation("Text and channelId are required")
        }
        let channelId = try body.objectId("channelId", thing: "channel")
        let urls = AttachmentURLPolicy(request, publicURL: publicURL)
        let (reply, parent) = try await inlineImages.posting(
            try MessageController.draft(from: body), principal: principal, baseURL: PublicBaseURL.of(request, configured: publicURL)
        ) { draft in
            try await replies.reply(principal: principal, to: parentId, channelId: channelId, draft: draft, urls: urls)
        }
        return StatusEnvelope(
            .created, message: "Reply created successfully",
            data: ReplyCreatedView(reply: ReplyView(reply), message: MessageView(reply), parent: MessageView(parent)))
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<ReplyListView> {
        let principal = try context.requirePrincipal()
        let page = try request.pageRequest(defaultLimit: 20)
        let result = try await replies.replies(principal: principal, to: try context.parameters.objectId("id", thing: "message"), page: page.page, limit: page.limit)
        return StatusEnvelope(
            message: "Replies retrieved successfully",
            data: ReplyListView(
                replies: result.items.map(ReplyView.init),
                pagination: .init(page: page.page, limit: page.limit, total: result.total, pages: result.pageCount(limit: page.limit))))
    }

    func count(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<[String: Int]> {
        let principal = try context.requirePrincipal()
        let result = try await replies.replies(principal: principal, to: try context.parameters.objectId("id", thing: "message"), page: 1, limit: 1)
        return StatusEnvelope(message: "Reply count retrieved successfully", data: ["count": result.total])
    }

    func batch(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<[String: [ReplyView]]> {
        let principal = try context.requirePrincipal()
        let ids = try ReactionController.messageIds(try await JSONBody.read(request, limit: bodyLimit))
        let grouped = try await replies.replies(principal: principal, to: ids)
        return StatusEnvelope(
            message: "Multiple message replies retrieved successfully",
            data: Dictionary(uniqueKeysWithValues: grouped.map { ($0.key.hexString, $0.value.map(ReplyView.init)) }))
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> StatusEnvelope<ReplyView> {
        let (_, after) = try await replies.delete(principal: try context.requirePrincipal(), replyId: try context.parameters.objectId("replyId", thing: "reply"))
        return StatusEnvelope(message: "Reply deleted successfully", data: ReplyView(after))
    }
}
