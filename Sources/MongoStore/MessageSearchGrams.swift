import ParleyCore

/// The `searchGrams` of a message: the distinct trigrams (runs of three Unicode scalars) of its
/// case-folded text, the same units SQLite's trigram index uses. A multikey index on the field
/// finds the messages holding every trigram of a query; the query's substring match then
/// confirms them. Unlike MongoDB's text index this finds part of a word (`zebr` in `zebra`) and
/// words in scripts written without spaces (`東京` runs inside `今日は東京へ`).
enum MessageSearchGrams {
    static let field = "searchGrams"
    static let length = 3

    /// Sorted, so the same text always gives the same document.
    static func grams(of text: String) -> [String] {
        let scalars = Array(TextFolding.caseFolded(text).unicodeScalars)
        guard scalars.count >= length else { return [] }
        var grams = Set<String>()
        for start in 0...(scalars.count - length) {
            var gram = String.UnicodeScalarView()
            gram.append(contentsOf: scalars[start..<(start + length)])
            grams.insert(String(gram))
        }
        return grams.sorted()
    }
}
