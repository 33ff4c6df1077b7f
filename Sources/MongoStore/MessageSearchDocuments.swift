import Foundation
import ParleyCore
import ParleyStore

/// The queries behind `MessageStore.search`, by one of two paths:
///
/// - **Text index** (`$text`): ranked by MongoDB's text score, then newest first. The user's
///   text is searched as one quoted phrase, so `-foo`, `OR` or `NOT` are searched for, not
///   obeyed: the server keeps documents holding the phrase's words and then checks the phrase
///   itself as a substring, punctuation included (`f(x)`, `a*b`, `well-known`). The index has
///   no language, so no word is stemmed or dropped as a stop word; words match whole, ignoring
///   case and diacritics.
/// - **Substring** (`$regex` of the escaped text, ignoring case), newest first, with no ranking:
///   MongoDB's text index splits words at spaces and punctuation, so it cannot find a word in
///   Chinese, Japanese or Korean text (or Thai, Lao, Khmer, Burmese: scripts written without
///   spaces between words), and a query of one or two characters is better served as a
///   substring than as a whole word. Such a query cannot use an index on `text`; it reads the
///   live messages of the candidate channels only, which the channel scope keeps to the ones
///   the caller can read. A query with no letter or digit (only punctuation or symbols) takes
///   this path too, since the text index holds no such token, and so does one holding a double
///   quote: the quote is part of what the user looks for, but inside a `$text` phrase it could
///   only end the phrase, and dropping it would also find the text unquoted.
///
/// Both are scoped to `channelId ∈ channelIds`, the author when given, and live messages, and
/// count their total with the same filter.
enum MessageSearchDocuments {
    /// Shorter queries (in Unicode scalars, as the SQLite engine counts) use the substring path.
    static let shortestIndexedQuery = 3

    struct Query: Equatable {
        var filter: BSONDocument
        /// Sort, skip, limit (and the text score's projection); nil when the page is empty by its limit.
        var options: BSONDocument?
        var usesTextIndex: Bool
    }

    /// Nil when nothing can match: blank text or no channel.
    static func query(for search: MessageSearch) -> Query? {
        let text = search.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !search.channelIds.isEmpty else { return nil }
        var scope: BSONDocument = ["channelId": LegacyIdMatch.any(of: search.channelIds)]
        if let userId = search.userId { scope["userId"] = LegacyIdMatch.any(userId) }
        scope["isDeleted"] = MessageDocuments.live

        if needsSubstringSearch(text) {
            var filter = scope
            filter["text"] = ["$regex": .string(MongoRegex.escape(text)), "$options": "i"]
            let options = MessageDocuments.pageOptions(
                sort: MessageDocuments.newestFirst, limit: search.limit, offset: search.offset)
            return Query(filter: filter, options: options, usesTextIndex: false)
        }
        // No double quote can be in `text` here (see `needsSubstringSearch`), so it cannot end the phrase.
        var filter: BSONDocument = ["$text": ["$search": .string("\"" + text + "\"")]]
        filter.append(contentsOf: scope)
        let sort: BSONDocument = ["score": ["$meta": "textScore"], "createdAt": -1, "_id": -1]
        var options = MessageDocuments.pageOptions(sort: sort, limit: search.limit, offset: search.offset)
        // Servers before 4.4 sort by the score only when it is also projected; the extra
        // `score` field is ignored when the document is read.
        options?["projection"] = ["score": ["$meta": "textScore"]]
        return Query(filter: filter, options: options, usesTextIndex: true)
    }

    static func needsSubstringSearch(_ text: String) -> Bool {
        text.unicodeScalars.count < shortestIndexedQuery
            || text.contains("\"")
            || text.unicodeScalars.contains(where: isUnsegmented)
            || !text.unicodeScalars.contains(where: { CharacterSet.alphanumerics.contains($0) })
    }

    /// Scripts written without spaces between words, which the text index cannot split.
    static func isUnsegmented(_ scalar: Unicode.Scalar) -> Bool {
        unsegmentedRanges.contains { $0.contains(scalar.value) }
    }

    private static let unsegmentedRanges: [ClosedRange<UInt32>] = [
        0x0E00...0x0EFF,  // Thai, Lao
        0x1000...0x109F,  // Myanmar
        0x1100...0x11FF,  // Hangul Jamo
        0x1780...0x17FF,  // Khmer
        0x2E80...0x2FDF,  // CJK radicals, Kangxi radicals
        0x3000...0x303F,  // CJK symbols and punctuation
        0x3040...0x30FF,  // Hiragana, Katakana
        0x3100...0x31FF,  // Bopomofo, Hangul compatibility Jamo, Kanbun, Katakana extensions
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7FF,  // Hangul syllables, Jamo extended B
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFF00...0xFFEF,  // half- and full-width forms
        0x20000...0x3134F,  // CJK extensions B–G, compatibility supplement
    ]
}
