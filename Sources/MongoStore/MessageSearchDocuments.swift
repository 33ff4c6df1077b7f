import Foundation
import ParleyCore
import ParleyStore

/// The queries behind `MessageStore.search`. They find what the SQLite engine finds: the live
/// messages whose text holds the user's text as a substring, ignoring case — part of a word
/// (`zebr` in `zebra`), words in scripts written without spaces (`東京` in `今日は東京へ`), and
/// punctuation or operators as typed (`f(x)`, `-known`, `NOT dogs`, a double quote).
///
/// - **Three or more characters** (Unicode scalars, as SQLite's trigram index counts them):
///   the message's `searchGrams` (`MessageSearchGrams`, indexed) must hold every trigram of the
///   query, which narrows the candidates through the index, and the text must then hold the
///   query itself (`$regex` of the escaped text, ignoring case). Old documents written before
///   `searchGrams` existed have no such field; they are tested by the substring match alone
///   (the `$or`), so they are found too, only without the index's help. Ranked like a text
///   score: more occurrences in a shorter text first (`$regexFindAll` counted, over the text's
///   length plus one), then newest first.
/// - **One or two characters**: no trigram to look up, so the substring match alone, newest
///   first, as SQLite does for such queries.
///
/// Both are scoped to `channelId ∈ channelIds` (which the service limits to the channels the
/// caller can read), the author when given, and live messages; the total counts the same filter.
enum MessageSearchDocuments {
    static let shortestIndexedQuery = 3
    static let scoreField = "searchScore"

    struct Query: Equatable {
        /// What matches, for the total.
        var filter: BSONDocument
        /// The page as an aggregation; nil when the page is empty by its limit.
        var pipeline: [BSONValue]?
        var usesGrams: Bool
    }

    /// Nil when nothing can match: blank text or no channel.
    static func query(for search: MessageSearch) -> Query? {
        let text = search.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !search.channelIds.isEmpty else { return nil }
        var filter: BSONDocument = ["channelId": LegacyIdMatch.any(of: search.channelIds)]
        if let userId = search.userId { filter["userId"] = LegacyIdMatch.any(userId) }
        filter["isDeleted"] = MessageDocuments.live
        let pattern = BSONValue.string(MongoRegex.escape(text))
        filter["text"] = ["$regex": pattern, "$options": "i"]

        let grams = text.unicodeScalars.count >= shortestIndexedQuery ? MessageSearchGrams.grams(of: text) : []
        guard !grams.isEmpty else {
            return Query(filter: filter, pipeline: page(filter, ranked: nil, search), usesGrams: false)
        }
        filter["$or"] = [
            [MessageSearchGrams.field: ["$all": .array(grams.map(BSONValue.string))]],
            [MessageSearchGrams.field: ["$exists": false]],
        ]
        return Query(filter: filter, pipeline: page(filter, ranked: pattern, search), usesGrams: true)
    }

    /// `$match`, the score when ranked, the order, then the page.
    private static func page(_ filter: BSONDocument, ranked pattern: BSONValue?, _ search: MessageSearch) -> [BSONValue]? {
        guard search.limit > 0 else { return nil }
        var stages: [BSONValue] = [["$match": .document(filter)]]
        var sort: BSONDocument = [:]
        if let pattern {
            let occurrences: BSONValue = ["$size": ["$regexFindAll": ["input": "$text", "regex": pattern, "options": "i"]]]
            let length: BSONValue = ["$add": [["$strLenCP": "$text"], 1]]
            stages.append(["$addFields": [scoreField: ["$divide": [occurrences, length]]]])
            sort[scoreField] = -1
        }
        sort.append(contentsOf: MessageDocuments.newestFirst)
        stages.append(["$sort": .document(sort)])
        stages.append(["$skip": .int64(Int64(max(0, search.offset)))])
        stages.append(["$limit": .int64(Int64(search.limit))])
        return stages
    }
}
