import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoNotificationStore` sends. Each filter names the user, so one user can
/// never read or change another's notifications.
enum NotificationDocuments {
    static let collection = "notifications"

    static let indexes: [MongoIndex] = [
        MongoIndex(
            collection: collection, keys: ["userId": 1, "createdAt": -1, "_id": -1], name: "userId_1_createdAt_-1__id_-1"),
        MongoIndex(collection: collection, keys: ["userId": 1, "isRead": 1], name: "userId_1_isRead_1"),
    ]

    static func document(for notification: UserNotification) throws -> BSONDocument {
        try BSONEncoder().encode(NotificationDocument(notification))
    }

    static func notification(from document: BSONDocument) throws -> UserNotification {
        do {
            return try BSONDecoder().decode(NotificationDocument.self, from: document).notification
        } catch {
            throw StoreError.corrupt("notifications document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(id: ObjectId, userId: ObjectId) -> BSONDocument {
        ["_id": .objectId(id), "userId": .objectId(userId)]
    }

    /// `isRead: {$ne: true}` also counts documents without the flag as unread.
    static func filter(userId: ObjectId, unreadOnly: Bool) -> BSONDocument {
        unreadOnly ? ["userId": .objectId(userId), "isRead": ["$ne": true]] : ["userId": .objectId(userId)]
    }

    /// Newest first. Nil when nothing can be returned: MongoDB reads a limit of 0 as "no limit",
    /// so a zero or negative limit must not reach it.
    static func listOptions(limit: Int, offset: Int) -> BSONDocument? {
        guard limit > 0 else { return nil }
        return [
            "sort": ["createdAt": -1, "_id": -1], "skip": .int64(Int64(max(0, offset))), "limit": .int64(Int64(limit)),
        ]
    }

    static func markRead(at date: Date) -> BSONDocument {
        ["$set": ["isRead": true, "readAt": .date(date)]]
    }
}
