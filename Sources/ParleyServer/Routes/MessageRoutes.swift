import Hummingbird

/// `/api/messages`, with reactions and replies. Static paths are registered beside `:id`; the
/// router prefers them, so `/search`, `/stats` and friends never reach the message lookup.
enum MessageRoutes {
    static func add(
        to router: Router<AppRequestContext>, messages: MessageController, reactions: ReactionController, replies: ReplyController,
        authentication: AuthenticationMiddleware
    ) {
        router.group("api/messages")
            .add(middleware: authentication)
            .post(use: messages.post)
            .get("channel/:channelId", use: messages.channelHistory)
            .get("channel/:channelId/history", use: messages.channelHistory)
            .get("user/:userId", use: messages.byUser)
            .get("search", use: messages.search)
            .get("stats", use: messages.stats)
            .get("recent", use: messages.recent)
            .get("unread-counts", use: messages.unreadCounts)
            .post("mark-read", use: messages.markRead)
            .post("reactions/batch", use: reactions.batch)
            .post("replies/batch", use: replies.batch)
            .delete("replies/:replyId", use: replies.delete)
            .get(":id", use: messages.get)
            .put(":id", use: messages.edit)
            .delete(":id", use: messages.delete)
            .get(":id/edits", use: messages.edits)
            .post(":id/reactions", use: reactions.react)
            .delete(":id/reactions", use: reactions.remove)
            .get(":id/reactions", use: reactions.list)
            .get(":id/reactions/check", use: reactions.check)
            .post(":id/replies", use: replies.create)
            .get(":id/replies", use: replies.list)
            .get(":id/replies/count", use: replies.count)
    }
}
