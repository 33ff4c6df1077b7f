import ParleyCore

/// The documents that give messages written before `searchGrams` existed their grams, in
/// batches, at start-up. Idempotent: it only picks live messages with a text and no grams, and
/// writes the grams only while the text is still the one they were computed from (an edit in
/// between writes its own grams, and the message no longer needs any).
enum MessageSearchBackfill {
    static let batchSize = 500

    static let pendingFilter: BSONDocument = [
        MessageSearchGrams.field: ["$exists": false], "text": ["$type": "string"], "isDeleted": MessageDocuments.live,
    ]

    static let batchOptions: BSONDocument = ["projection": ["text": 1], "limit": .int64(Int64(batchSize))]

    /// The guarded update for one document of a batch; nil when it has no id or text.
    static func update(for document: BSONDocument) -> (filter: BSONDocument, update: BSONDocument)? {
        guard let id = document["_id"], case .string(let text)? = document["text"] else { return nil }
        let filter: BSONDocument = ["_id": id, "text": .string(text), MessageSearchGrams.field: ["$exists": false]]
        let grams = MessageSearchGrams.grams(of: text).map(BSONValue.string)
        return (filter, ["$set": [MessageSearchGrams.field: .array(grams)]])
    }
}
