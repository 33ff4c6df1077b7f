import ParleyCore

/// One entry of a world's `messages.json`. A reply names its parent in `replyTo`; parents come
/// first in the file.
struct SeedMessageRecord: Decodable, Sendable {
    let key: String?
    let id: ExtendedJSONObjectId
    let channelId: ExtendedJSONObjectId
    let groupId: ExtendedJSONObjectId
    let userId: ExtendedJSONObjectId
    let username: String
    let text: String?
    let type: String
    let imageUrl: String?
    let fileUrl: String?
    let replyTo: ExtendedJSONObjectId?
    let createdAt: ExtendedJSONDate
    let updatedAt: ExtendedJSONDate?

    private enum CodingKeys: String, CodingKey {
        case key = "_key", id = "_id"
        case channelId, groupId, userId, username, text, type, imageUrl, fileUrl, replyTo, createdAt, updatedAt
    }

    var message: Message {
        Message(
            id: id.value, channelId: channelId.value, groupId: groupId.value, userId: userId.value, username: username,
            text: text, type: type, imageUrl: imageUrl, fileUrl: fileUrl, replyTo: replyTo?.value, createdAt: createdAt.value,
            updatedAt: updatedAt?.value)
    }
}
