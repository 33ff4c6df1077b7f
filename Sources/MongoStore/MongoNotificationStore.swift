import Foundation
import ParleyCore
import ParleyStore

/// Notifications on MongoDB. Documents and queries come from `NotificationDocuments`.
struct MongoNotificationStore: NotificationStore {
    let collection: MongoCollection

    func insert(_ notification: UserNotification) async throws {
        try await collection.insertOne(NotificationDocuments.document(for: notification))
    }

    func list(userId: ObjectId, unreadOnly: Bool, limit: Int, offset: Int) async throws -> [UserNotification] {
        guard let options = NotificationDocuments.listOptions(limit: limit, offset: offset) else { return [] }
        return try await collection.find(NotificationDocuments.filter(userId: userId, unreadOnly: unreadOnly), options: options)
            .map(NotificationDocuments.notification(from:))
    }

    func markRead(id: ObjectId, userId: ObjectId, at date: Date) async throws -> UserNotification? {
        try await collection.findOneAndUpdate(
            NotificationDocuments.filter(id: id, userId: userId), update: NotificationDocuments.markRead(at: date)
        ).map(NotificationDocuments.notification(from:))
    }

    func markAllRead(userId: ObjectId, at date: Date) async throws -> Int {
        try await collection.updateMany(
            NotificationDocuments.filter(userId: userId, unreadOnly: true), update: NotificationDocuments.markRead(at: date)
        ).modifiedCount
    }

    func unreadCount(userId: ObjectId) async throws -> Int {
        try await collection.countDocuments(NotificationDocuments.filter(userId: userId, unreadOnly: true))
    }

    func delete(id: ObjectId, userId: ObjectId) async throws -> Bool {
        try await collection.deleteOne(NotificationDocuments.filter(id: id, userId: userId)) > 0
    }
}
