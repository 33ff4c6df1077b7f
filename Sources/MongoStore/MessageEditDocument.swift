import Foundation
import ParleyCore

/// A `messageEdits` document (a Parley collection): one previous version of a message.
/// `sequence` is the message's edit number (1 for its first edit), so versions made in the same
/// millisecond still list in the order they were made.
struct MessageEditDocument: Encodable, Decodable, Equatable {
    var id: ObjectId
    var messageId: ObjectId
    var previousText: String?
    var editedBy: ObjectId
    var editedAt: Date
    var sequence: Int

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case messageId, previousText, editedBy, editedAt, sequence
    }

    init(_ edit: MessageEdit, sequence: Int) {
        id = edit.id
        messageId = edit.messageId
        previousText = edit.previousText
        editedBy = edit.editedBy
        editedAt = edit.editedAt
        self.sequence = sequence
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ObjectId.self, forKey: .id)
        messageId = try container.decode(ObjectId.self, forKey: .messageId)
        previousText = try container.decodeIfPresent(String.self, forKey: .previousText)
        editedBy = try container.decode(ObjectId.self, forKey: .editedBy)
        editedAt = try container.decode(Date.self, forKey: .editedAt)
        sequence = try container.decodeIfPresent(Int.self, forKey: .sequence) ?? 0
    }

    var edit: MessageEdit {
        MessageEdit(id: id, messageId: messageId, previousText: previousText, editedBy: editedBy, editedAt: editedAt)
    }
}
