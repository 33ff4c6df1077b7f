import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the notifications repository (see `TimedStore`).
struct TimedNotificationStore: NotificationStore {
    let base: any NotificationStore
    let timer: StoreTimer

    func insert(_ notification: UserNotification) async throws {
        try await timer.time("notifications.insert(_:)") { try await base.insert(notification) }
    }

    func list(userId: ObjectId, unreadOnly: Bool, limit: Int, offset: Int) async throws -> [UserNotification] {
        try await timer.time("notifications.list(userId:unreadOnly:limit:offset:)") { try await base.list(userId: userId, unreadOnly: unreadOnly, limit: limit, offset: offset) }
    }

    func markRead(id: ObjectId, userId: ObjectId, at date: Date) async throws -> UserNotification? {
        try await timer.time("notifications.markRead(id:userId:at:)") { try await base.markRead(id: id, userId: userId, at: date) }
    }

    func markAllRead(userId: ObjectId, at date: Date) async throws -> Int {
        try await timer.time("notifications.markAllRead(userId:at:)") { try await base.markAllRead(userId: userId, at: date) }
    }

    func unreadCount(userId: ObjectId) async throws -> Int {
        try await timer.time("notifications.unreadCount(userId:)") { try await base.unreadCount(userId: userId) }
    }

    func delete(id: ObjectId, userId: ObjectId) async throws -> Bool {
        try await timer.time("notifications.delete(id:userId:)") { try await base.delete(id: id, userId: userId) }
    }
}
