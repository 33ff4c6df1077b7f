import Foundation

/// A stored notification for one user (a join decision, a mention, a missed call…).
public struct UserNotification: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var userId: ObjectId
    /// A short machine-readable kind: `group_request_approved`, `mention`, …
    public var type: String
    public var title: String
    public var message: String
    /// Ids and values a client needs to follow the notification (group id, channel id…).
    public var data: [String: String]
    public var isRead: Bool
    public var createdAt: Date
    public var readAt: Date?

    public init(
        id: ObjectId = ObjectId(), userId: ObjectId, type: String, title: String, message: String,
        data: [String: String] = [:], isRead: Bool = false, createdAt: Date = Date(), readAt: Date? = nil
    ) {
        self.id = id
        self.userId = userId
        self.type = type
        self.title = title
        self.message = message
        self.data = data
        self.isRead = isRead
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
