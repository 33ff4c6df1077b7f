import Foundation
import Logging
import ParleyCore
import ParleyStore

/// Stored notifications: other services send them, each user reads and manages their own.
public struct NotificationService: Sendable {
    let store: any NotificationStore
    let logger: Logger

    static let notFound = DomainError.notFound("Notification not found")

    /// Stores a notification for `userId`. Like activity, a failure here is logged rather than
    /// failing the action that caused it.
    func notify(_ userId: ObjectId, type: String, title: String, message: String, data: [String: String] = [:]) async {
        do {
            try await store.insert(UserNotification(userId: userId, type: type, title: title, message: message, data: data))
        } catch {
            logger.error("could not store notification", metadata: ["type": .string(type), "error": .string("\(error)")])
        }
    }

    func list(principal: Principal, unreadOnly: Bool, limit: Int, offset: Int) async throws -> [UserNotification] {
        try await store.list(userId: principal.userId, unreadOnly: unreadOnly, limit: limit, offset: offset)
    }

    func markRead(principal: Principal, id: ObjectId) async throws -> UserNotification {
        guard let notification = try await store.markRead(id: id, userId: principal.userId, at: Date()) else { throw Self.notFound }
        return notification
    }

    func markAllRead(principal: Principal) async throws -> Int {
        try await store.markAllRead(userId: principal.userId, at: Date())
    }

    func unreadCount(principal: Principal) async throws -> Int {
        try await store.unreadCount(userId: principal.userId)
    }

    func delete(principal: Principal, id: ObjectId) async throws {
        guard try await store.delete(id: id, userId: principal.userId) else { throw Self.notFound }
    }
}
