import Foundation
import Hummingbird
import ParleyCore
import ParleyStore

/// `/api/messages`: history, posting, edits, deletes, search and read state.
struct MessageController: Sendable {
    let messages: MessageService
    let inlineImages: InlineImageService
    /// `PUBLIC_URL`, when set, starts the URL of an image sent inside a message.
    let publicURL: String?
    let bodyLimit: Int

    /// A plain array, oldest first: `limit`/`offset` (the old API) or a `before`/`after`
    /// message-id cursor; tombstones only with `includeDeleted=true`.
    func channelHistory(_ request: Request, context: AppRequestContext) async throws -> Envelope<[MessageView]> {
        let principal = try context.requirePrincipal()
        let channelId = try context.parameters.objectId("channelId", thing: "channel")
        let page = try await messages.history(
            principal: principal, channelId: channelId, window: try Self.window(request), includingDeleted: try Self.includingDeleted(request))
        return Envelope(data: page.map(MessageView.init))
    }

    func byUser(_ request: Request, context: AppRequestContext) async throws -> Envelope<[MessageView]> {
        let principal = try context.requirePrincipal()
        let (limit, offset) = try request.limitOffset(defaultLimit: 50)
        let list = try await messages.byUser(principal: principal, userId: try context.parameters.objectId("userId", thing: "user"), limit: limit, offset: offset)
        return Envelope(data: list.map(MessageView.init))
    }

    /// `q` or `query`; optional `channelId`, `userId`, `limit`, `offset`.
    /// `q` or `query`; `limit` with `offset` (what the Angular client sends) or `page`.
    func search(_ request: Request, context: AppRequestContext) async throws -> Envelope<MessageSearchView> {
        let principal = try context.requirePrincipal()
        guard let text = request.queryString("q") ?? request.queryString("query") else {
            throw DomainError.validation("Search query is required")
        }
        let (limit, offset) = try request.limitOffsetOrPage(defaultLimit: 50)
        let results = try await messages.search(
            principal: principal, text: text, channelId: try Self.optionalId(request, "channelId", thing: "channel"),
            userId: try Self.optionalId(request, "userId", thing: "user"), limit: limit, offset: offset)
        return Envelope(data: MessageSearchView(results, limit: limit, offset: offset), message: "\(results.total) messages found")
    }

    /// An image sent inside the message as a data URL is stored as an upload first
    /// (`InlineImageService`), and the message keeps its URL.
    func post(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Envelope<MessageView>> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: inlineImages.bodyLimit)
        guard let channelId = try body.objectId("channelId", thing: "channel") else { throw DomainError.validation("Channel ID is required") }
        let urls = AttachmentURLPolicy(request, publicURL: publicURL)
        let message = try await inlineImages.posting(
            try Self.draft(from: body), principal: principal, baseURL: PublicBaseURL.of(request, configured: publicURL)
        ) { draft in
            try await messages.post(principal: principal, channelId: channelId, draft: draft, urls: urls)
        }
        return EditedResponse(status: .created, response: Envelope(data: MessageView(message), message: "Message sent successfully"))
    }

    /// A message by id. The legacy client also calls this with a channel id to read history:
    /// when the id names no message but a channel (or group) the caller can read, its latest
    /// page is answered instead.
    func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "message")
        do {
            return try Envelope(data: MessageView(try await messages.get(principal: principal, id: id))).response(from: request, context: context)
        } catch DomainError.notFound {
            let page = try request.pageRequest(defaultLimit: 50)
            guard let history = try? await messages.history(principal: principal, channelId: id, window: .latest(limit: page.limit, offset: page.offset)) else {
                throw MessageService.notFound
            }
            return try Envelope(data: history.map(MessageView.init)).response(from: request, context: context)
        }
    }

    /// Only the text can change; everything else about a message is fixed.
    func edit(_ request: Request, context: AppRequestContext) async throws -> Envelope<MessageView> {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "message")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        let fixed = ["userId", "username", "channelId", "isDeleted", "createdAt", "reactions", "replyTo", "isEdited", "editedAt"]
        if let field = fixed.first(where: body.has) { throw DomainError.validation("\(field) cannot be changed") }
        guard let text = try body.string("text") else { throw DomainError.validation("Message text is required") }
        return Envelope(data: MessageView(try await messages.edit(principal: principal, id: id, text: text)), message: "Message updated successfully")
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> Envelope<MessageView> {
        let principal = try context.requirePrincipal()
        let deleted = try await messages.delete(principal: principal, id: try context.parameters.objectId("id", thing: "message"))
        return Envelope(data: MessageView(deleted), message: "Message deleted successfully")
    }

    func edits(_ request: Request, context: AppRequestContext) async throws -> Envelope<[MessageEditView]> {
        let principal = try context.requirePrincipal()
        let list = try await messages.edits(principal: principal, id: try context.parameters.objectId("id", thing: "message"))
        return Envelope(data: list.map(MessageEditView.init))
    }

    func markRead(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: String]> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let channelId = try body.objectId("channelId", thing: "channel") else { throw DomainError.validation("Channel ID is required") }
        let channel = try await messages.markRead(principal: principal, channelId: channelId)
        return Envelope(data: ["channelId": channel.hexString], message: "Channel marked as read")
    }

    func unreadCounts(_ request: Request, context: AppRequestContext) async throws -> Envelope<UnreadCountsView> {
        let counts = try await messages.unreadCounts(principal: try context.requirePrincipal())
        return Envelope(data: UnreadCountsView(counts))
    }

    func recent(_ request: Request, context: AppRequestContext) async throws -> Envelope<[MessageView]> {
        let (limit, _) = try request.limitOffset(defaultLimit: 20)
        return Envelope(data: try await messages.recent(principal: try context.requirePrincipal(), limit: limit).map(MessageView.init))
    }

    func stats(_ request: Request, context: AppRequestContext) async throws -> Envelope<MessageStatsView> {
        let principal = try context.requirePrincipal()
        let since = Date().addingTimeInterval(-24 * 3600)
        let counts = try await messages.counts(principal: principal, since: since)
        let unread = try await messages.unreadCounts(principal: principal)
        return Envelope(data: MessageStatsView(counts: counts, unread: unread.values.reduce(0, +)))
    }

    static func draft(from body: JSONBody) throws -> MessageDraft {
        MessageDraft(
            text: try body.string("text"), type: try body.trimmedString("type"), imageUrl: try body.trimmedString("imageUrl"),
            fileUrl: try body.trimmedString("fileUrl"), fileName: try body.string("fileName"), fileSize: try body.int("fileSize"),
            replyTo: try body.objectId("replyTo", thing: "message"), tags: try body.stringArray("tags"))
    }

    static func window(_ request: Request) throws -> HistoryWindow {
        let (limit, offset) = try request.limitOffset(defaultLimit: 50)
        if let before = try optionalId(request, "before", thing: "message") { return .before(before, limit: limit) }
        if let after = try optionalId(request, "after", thing: "message") { return .after(after, limit: limit) }
        if request.queryString("page") != nil {
            let page = try request.pageRequest(defaultLimit: limit)
            return .latest(limit: page.limit, offset: page.offset)
        }
        return .latest(limit: limit, offset: offset)
    }

    /// `includeDeleted=true` asks history for tombstones too (clients that show "message deleted").
    static func includingDeleted(_ request: Request) throws -> Bool {
        switch request.queryString("includeDeleted")?.lowercased() {
        case nil, "false", "0": return false
        case "true", "1": return true
        default: throw DomainError.validation("includeDeleted must be true or false")
        }
    }

    static func optionalId(_ request: Request, _ key: String, thing: String) throws -> ObjectId? {
        guard let text = request.queryString(key) else { return nil }
        guard let id = ObjectId(text) else { throw DomainError.invalidId(thing) }
        return id
    }
}

/// `{<channelId>: count, …}` plus the total.
struct UnreadCountsView: Encodable, Sendable {
    let counts: [String: Int]
    let total: Int

    init(_ counts: [ObjectId: Int]) {
        self.counts = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.hexString, $0.value) })
        self.total = counts.values.reduce(0, +)
    }
}

struct MessageStatsView: Encodable, Sendable {
    let totalMessages: Int
    let messagesToday: Int
    let unreadMessages: Int
    let channels: Int

    init(counts: MessageCounts, unread: Int) {
        totalMessages = counts.total
        messagesToday = counts.since
        unreadMessages = unread
        channels = counts.byChannel.count
    }
}
