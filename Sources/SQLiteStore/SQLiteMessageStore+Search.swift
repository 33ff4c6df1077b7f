import Foundation
import GRDB
import ParleyCore
import ParleyStore

extension SQLiteMessageStore {
    /// The trigram tokenizer indexes runs of three characters, so it cannot answer a query
    /// shorter than that (such a query matches nothing).
    static let shortestIndexedQuery = 3

    /// `parley_casefold(text)`: `TextFolding.caseFolded`, registered on every connection; NULL stays NULL.
    static let caseFoldFunction = DatabaseFunction("parley_casefold", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(TextFolding.caseFolded)
    }

    func search(_ search: MessageSearch) async throws -> Page<Message> {
        let text = search.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !search.channelIds.isEmpty else { return Page(items: [], total: 0) }
        let limit = max(0, search.limit)
        let offset = max(0, search.offset)

        var filter = SQLiteFilter()
        let countSQL: String
        let listSQL: String
        // The tokenizer counts Unicode code points, not grapheme clusters.
        if text.unicodeScalars.count >= Self.shortestIndexedQuery {
            filter.add("messages_fts MATCH ?", Self.ftsPhrase(text))
            try filter.add("m.channelId", in: search.channelIds)
            filter.add("m.isDeleted = 0")
            if let userId = search.userId { filter.add("m.userId = ?", userId.hexString) }
            let from = "FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid \(filter.whereClause)"
            countSQL = "SELECT COUNT(*) \(from)"
            // bm25 is lower for a better match.
            listSQL = "SELECT \(SQLiteMessageColumn.list(qualifiedBy: "m")) \(from) ORDER BY bm25(messages_fts), m.createdAt DESC, m.id DESC LIMIT ? OFFSET ?"
        } else {
            // One or two characters (a CJK word such as 東京, or "ok"): the trigram index cannot
            // help, so test the text of the live messages of the candidate channels directly.
            // This reads every message of those channels, but only for these short queries, and
            // the channel scope keeps it to the channels the caller can read. instr() is literal
            // (no pattern characters). parley_casefold is Unicode case folding, as the trigram
            // index folds (lower() folds ASCII only: `À` would miss `à`). There is no relevance to
            // rank by, so newest first.
            try filter.add("channelId", in: search.channelIds)
            filter.add("isDeleted = 0")
            if let userId = search.userId { filter.add("userId = ?", userId.hexString) }
            filter.add("instr(parley_casefold(text), ?) > 0", TextFolding.caseFolded(text))
            countSQL = "SELECT COUNT(*) FROM messages \(filter.whereClause)"
            listSQL = "\(SQLiteMessageRows.select) \(filter.whereClause) ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?"
        }
        let countArguments = filter.statementArguments
        let listArguments = filter.statementArguments(appending: limit, offset)
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: countSQL, arguments: countArguments) ?? 0
            let items = try SQLiteMessageRows.messages(db, sql: listSQL, arguments: listArguments)
            return Page(items: items, total: total)
        }
    }

    /// The user's text as one FTS5 string: inside double quotes every character is literal, so
    /// `OR`, `NOT`, `*`, `-`, `(`, `:` or `^` typed by the user are searched for, not obeyed. A
    /// double quote is written twice. With the trigram tokenizer a string matches as a
    /// substring of the message text.
    static func ftsPhrase(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
