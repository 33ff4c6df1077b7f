import Foundation

/// The one definition of "the same text, ignoring case" that both engines share, so that what
/// SQLite finds or refuses as a duplicate is what MongoDB finds or refuses.
public enum TextFolding {
    /// Full Unicode case folding (`Straße` → `strasse`, `ΟΔΟΣ` and `οδος` → `οδοσ`, `ſ` → `s`),
    /// code point by code point, with no normalization: a substring of the text folds to a
    /// substring of the folded text, which the search grams rely on. Accents are kept
    /// (`é` ≠ `e`). `lowercased()` is not this: it keeps `ß` and a final `ς`.
    public static func caseFolded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive], locale: nil)
    }

    /// The key that must be unique for usernames, emails, group names and channel names:
    /// NFKC, then case folding, then NFKC again (Unicode's NFKC_Casefold, less its removal of
    /// default-ignorable characters). It treats as equal what MongoDB's strength-2 collation
    /// treats as equal in the common cases — case (`Équipe`/`équipe`), `ß`/`ss`, canonically
    /// equivalent forms (`é` precomposed or as `e` + accent), full-width and ligature forms — and
    /// keeps accents apart, as strength 2 does.
    public static func uniqueKey(_ text: String) -> String {
        caseFolded(text.precomposedStringWithCompatibilityMapping).precomposedStringWithCompatibilityMapping
    }
}
