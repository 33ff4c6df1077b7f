import ParleyCore

/// What a client sends to post a message (REST or socket), type-checked by the caller.
struct MessageDraft: Sendable {
    var text: String?
    var type: String?
    var imageUrl: String?
    var fileUrl: String?
    var fileName: String?
    var fileSize: Int?
    var replyTo: ObjectId?
    var tags: [String]?

    static let maximumUrlLength = 2_048

    /// Checks the draft and settles its type: an image or file message needs its URL, a text
    /// message needs text.
    func validated() throws -> MessageDraft {
        var draft = self
        if let text = draft.text {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            draft.text = trimmed.isEmpty ? nil : text
            if text.count > Message.maximumTextLength {
                throw DomainError.validation("Message text must be at most \(Message.maximumTextLength) characters")
            }
        }
        for url in [imageUrl, fileUrl].compactMap({ $0 }) where url.count > Self.maximumUrlLength || url.isEmpty {
            throw DomainError.validation("Attachment URLs must be 1-\(Self.maximumUrlLength) characters")
        }
        if let fileSize, fileSize < 0 { throw DomainError.validation("fileSize must not be negative") }
        if let fileName, fileName.count > 255 { throw DomainError.validation("fileName must be at most 255 characters") }
        let type = draft.type ?? (imageUrl != nil ? "image" : fileUrl != nil ? "file" : "text")
        guard Message.types.contains(type), type != "system" else {
            throw DomainError.validation("type must be text, image or file")
        }
        draft.type = type
        switch type {
        case "image" where imageUrl == nil: throw DomainError.validation("An image message needs imageUrl")
        case "file" where fileUrl == nil: throw DomainError.validation("A file message needs fileUrl")
        default: break
        }
        guard draft.text != nil || imageUrl != nil || fileUrl != nil else {
            throw DomainError.validation("Message text is required")
        }
        if let tags, tags.count > 20 || tags.contains(where: { $0.count > 50 }) {
            throw DomainError.validation("At most 20 tags of at most 50 characters")
        }
        return draft
    }
}
