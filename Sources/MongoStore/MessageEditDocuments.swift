import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoMessageStore` sends to `messageEdits`.
enum MessageEditDocuments {
    static let collection = "messageEdits"

    static let indexes: [MongoIndex] = [
        MongoIndex(collection: collection, keys: ["messageId": 1], name: "messageId_1")
    ]

    /// The edit's number is the message's `editCount` after the update that made it; an old
    /// message edited before Parley counted has none, and its first Parley edit is 1.
    static func document(for edit: MessageEdit, editedMessage: BSONDocument) throws -> BSONDocument {
        let sequence = editedMessage["editCount"]?.intValue ?? 1
        return try BSONEncoder().encode(MessageEditDocument(edit, sequence: sequence))
    }

    static func edit(from document: BSONDocument) throws -> MessageEdit {
        do {
            return try BSONDecoder().decode(MessageEditDocument.self, from: document).edit
        } catch {
            throw StoreError.corrupt("messageEdits document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(messageId: ObjectId) -> BSONDocument {
        ["messageId": .objectId(messageId)]
    }

    /// Oldest first, as made.
    static let listOptions: BSONDocument = ["sort": ["editedAt": 1, "sequence": 1, "_id": 1]]
}
