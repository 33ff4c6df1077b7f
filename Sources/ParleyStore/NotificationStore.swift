import Foundation
import ParleyCore

/// Notifications of one user, newest first.
public protocol NotificationStore: Sendable {
    func insert(_ notification: UserNotification) async throws
    func list(userId: ObjectId, unreadOnly: Bool, limit: Int, offset: Int) async throws -> [UserNotification]
    /// Marks one of the user's notifications read; nil when it is not theirs or does not exist.
    func markRead(id: ObjectId, userId: ObjectId, at date: Date) async throws -> UserNotification?
    func markAllRead(userId: ObjectId, at date: Date) async throws -> Int
    func unreadCount(userId: ObjectId) async throws -> Int
    func delete(id: ObjectId, userId: ObjectId) async throws -> Bool
}
