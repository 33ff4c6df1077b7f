/// Collations shared by index definitions and the queries that must use those indexes.
enum MongoCollation {
    /// English, strength 2: compares letters and accents but not case, so "Bob" and "bob" are
    /// one username. A query uses a collated index only when it passes the same collation.
    static let caseInsensitive: BSONDocument = ["locale": "en", "strength": 2]
}
