import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `messageEdits` documents: previous versions, numbered in the order they were made.
struct MessageEditDocumentsTests {
    private let edit = MessageEdit(
        id: ObjectId("5f1d7f3a9b1e8a00eeeeee09") ?? ObjectId(), messageId: ObjectId("5f1d7f3a9b1e8a00eeeeee01") ?? ObjectId(),
        previousText: "before", editedBy: Fixtures.userId, editedAt: Fixtures.updatedAt)

    @Test func editIsNumberedByTheMessagesEditCount() throws {
        let document = try MessageEditDocuments.document(for: edit, editedMessage: ["_id": .objectId(edit.messageId), "editCount": 3])
        #expect(
            document == [
                "_id": .objectId(edit.id), "messageId": .objectId(edit.messageId), "previousText": "before",
                "editedBy": .objectId(Fixtures.userId), "editedAt": .date(Fixtures.updatedAt), "sequence": 3,
            ])
        #expect(try MessageEditDocuments.edit(from: BSONDocument(bytes: document.bytes())) == edit)
        let first = try MessageEditDocuments.document(for: edit, editedMessage: ["_id": .objectId(edit.messageId)])
        #expect(first["sequence"] == 1, "an old message without a count")
    }

    @Test func aVersionWithoutTextKeepsNull() throws {
        var empty = edit
        empty.previousText = nil
        let document = try MessageEditDocuments.document(for: empty, editedMessage: ["editCount": 1])
        #expect(document["previousText"] == .null)
        #expect(try MessageEditDocuments.edit(from: document) == empty)
    }

    @Test func listedOldestFirst() {
        #expect(MessageEditDocuments.filter(messageId: edit.messageId) == ["messageId": .objectId(edit.messageId)])
        #expect(MessageEditDocuments.listOptions == ["sort": ["editedAt": 1, "sequence": 1, "_id": 1]])
    }
}
