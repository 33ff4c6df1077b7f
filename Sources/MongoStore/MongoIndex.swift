/// One index Parley needs, as created at start-up.
struct MongoIndex: Sendable, Equatable {
    var collection: String
    var keys: BSONDocument
    var name: String
    var unique: Bool
    var collation: BSONDocument?
    /// Only documents matching this are indexed (a unique index then holds only among them).
    var partialFilter: BSONDocument?
    /// For a text index: the language whose stemming and stop words apply; "none" keeps every
    /// word as typed.
    var defaultLanguage: String?

    init(
        collection: String, keys: BSONDocument, name: String, unique: Bool = false, collation: BSONDocument? = nil,
        partialFilter: BSONDocument? = nil, defaultLanguage: String? = nil
    ) {
        self.collection = collection
        self.keys = keys
        self.name = name
        self.unique = unique
        self.collation = collation
        self.partialFilter = partialFilter
        self.defaultLanguage = defaultLanguage
    }

    /// The `createIndexes` command for this index alone. One command per index, so an index
    /// that conflicts with one made by the old server does not stop the others being created.
    var createCommand: BSONDocument {
        var specification: BSONDocument = ["key": .document(keys), "name": .string(name)]
        if unique { specification["unique"] = true }
        if let collation { specification["collation"] = .document(collation) }
        if let partialFilter { specification["partialFilterExpression"] = .document(partialFilter) }
        if let defaultLanguage { specification["default_language"] = .string(defaultLanguage) }
        return ["createIndexes": .string(collection), "indexes": [.document(specification)]]
    }
}
