/// An index the old Node server created that Parley must remove, because it enforces a rule
/// Parley does not have. It is dropped at start-up, before Parley's own indexes are created.
struct MongoLegacyIndex: Sendable, Equatable {
    var collection: String
    var name: String
    /// The index is dropped only if it is unique: a plain index of the same name does no harm
    /// and may be one that someone added on purpose.
    var onlyIfUnique: Bool

    /// The `listIndexes` command whose reply `shouldDrop(given:)` reads.
    var listCommand: BSONDocument { ["listIndexes": .string(collection)] }

    var dropCommand: BSONDocument { ["dropIndexes": .string(collection), "index": .string(name)] }

    /// Decides from the `listIndexes` reply (`{cursor: {firstBatch: [index specs]}}`). Every
    /// collection has far fewer indexes than one batch holds, so the first batch is all of them.
    func shouldDrop(given listReply: BSONDocument) -> Bool {
        let specs = listReply["cursor"]?.documentValue?["firstBatch"]?.arrayValue ?? []
        return specs.contains { value in
            guard let spec = value.documentValue, spec["name"]?.stringValue == name else { return false }
            return !onlyIfUnique || Self.isUnique(spec)
        }
    }

    /// `unique` may have been written as a bool or, by old shells, as the number 1.
    static func isUnique(_ spec: BSONDocument) -> Bool {
        switch spec["unique"] {
        case .bool(let flag)?: return flag
        case let value?: return (value.intValue ?? 0) != 0
        case nil: return false
        }
    }
}
