import ParleyCore
import ParleyStore

/// `GET /api/messages/search`: `{messages, total, page, limit, totalPages}`, as the Angular
/// realtime page reads it (`data.messages`, `data.totalPages`). `total` counts every match of
/// the same query, not only this page.
struct MessageSearchView: Encodable, Sendable {
    let messages: [MessageView]
    let total: Int
    let page: Int
    let limit: Int
    let totalPages: Int

    init(_ results: Page<Message>, limit: Int, offset: Int) {
        messages = results.items.map(MessageView.init)
        total = results.total
        self.limit = limit
        page = offset / max(1, limit) + 1
        totalPages = results.pageCount(limit: limit)
    }
}
