import ParleyCore

struct NotificationView: Encodable, Sendable {
    let notification: UserNotification

    init(_ notification: UserNotification) { self.notification = notification }

    enum CodingKeys: String, CodingKey { case id = "_id", userId, type, title, message, data, isRead, createdAt, readAt }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(notification.id.hexString, forKey: .id)
        try container.encode(notification.userId.hexString, forKey: .userId)
        try container.encode(notification.type, forKey: .type)
        try container.encode(notification.title, forKey: .title)
        try container.encode(notification.message, forKey: .message)
        try container.encode(notification.data, forKey: .data)
        try container.encode(notification.isRead, forKey: .isRead)
        try container.encode(WireDate.string(notification.createdAt), forKey: .createdAt)
        try container.encode(notification.readAt.map(WireDate.string), forKey: .readAt)
    }
}
