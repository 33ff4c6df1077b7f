/// Rows whose names fold to the same key (`Ölaf` and `ölaf`), found at start-up in a database
/// written before names were compared by Unicode case folding. They are kept; the application
/// logs each collision so an administrator can rename or remove all but one.
public struct SQLiteKeyCollision: Sendable, Equatable, CustomStringConvertible {
    public var table: String
    /// The field that must be unique: `username`, `email` or `name` (per group for channels).
    public var field: String
    /// The colliding rows, oldest first; the first keeps the name's place in the unique index.
    public var ids: [String]
    public var values: [String]

    public var description: String {
        "\(table).\(field): " + zip(ids, values).map { "\($0.0) \"\($0.1)\"" }.joined(separator: ", ")
    }
}
