import Foundation
import ParleyCore

/// A `notifications` document (a Parley collection; the old server had none). `data` is a
/// native BSON document of strings, so it can be read in the shell and matched in queries.
struct NotificationDocument: Encodable, Decodable, Equatable {
    var id: ObjectId
    var userId: ObjectId
    var type: String
    var title: String
    var message: String
    var data: [String: String]
    var isRead: Bool
    var createdAt: Date
    var readAt: Date?

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case userId, type, title, message, data, isRead, createdAt, readAt
    }

    init(_ notification: UserNotification) {
        id = notification.id
        userId = notification.userId
        type = notification.type
        title = notification.title
        message = notification.message
        data = notification.data
        isRead = notification.isRead
        createdAt = notification.createdAt
        readAt = notification.readAt
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ObjectId.self, forKey: .id)
        userId = try container.decode(ObjectId.self, forKey: .userId)
        type = try container.decode(String.self, forKey: .type)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
        message = try container.decodeIfPresent(String.self, forKey: .message) ?? ""
        data = try container.decodeIfPresent([String: String].self, forKey: .data) ?? [:]
        isRead = try container.decodeIfPresent(Bool.self, forKey: .isRead) ?? false
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt) ?? id.timestamp
        readAt = try container.decodeIfPresent(Date.self, forKey: .readAt)
    }

    var notification: UserNotification {
        UserNotification(
            id: id, userId: userId, type: type, title: title, message: message, data: data, isRead: isRead,
            createdAt: createdAt, readAt: readAt)
    }
}
