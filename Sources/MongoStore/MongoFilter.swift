/// A filter assembled condition by condition. Plain field conditions go at the top level;
/// each group of alternatives becomes an `$or`. MongoDB allows one `$or` key per document, so
/// two or more groups are combined under `$and`.
struct MongoFilter {
    private var fields = BSONDocument()
    private var alternatives: [[BSONValue]] = []

    init() {}

    mutating func set(_ key: String, _ value: BSONValue) {
        fields[key] = value
    }

    /// At least one of `clauses` must hold.
    mutating func requireAny(_ clauses: [BSONDocument]) {
        alternatives.append(clauses.map(BSONValue.document))
    }

    var document: BSONDocument {
        var document = fields
        switch alternatives.count {
        case 0:
            break
        case 1:
            document["$or"] = .array(alternatives[0])
        default:
            document["$and"] = .array(alternatives.map { ["$or": .array($0)] })
        }
        return document
    }

    /// A case-insensitive, literal substring match against any of `fields`; nil for no text.
    static func search(_ text: String?, in fields: [String]) -> [BSONDocument]? {
        guard let text, !text.isEmpty else { return nil }
        // Escaped, so the search is literal and input such as "(a+)+$" can neither change what
        // matches nor make the server backtrack for seconds.
        let pattern: BSONValue = ["$regex": .string(MongoRegex.escape(text)), "$options": "i"]
        return fields.map { [$0: pattern] }
    }
}
