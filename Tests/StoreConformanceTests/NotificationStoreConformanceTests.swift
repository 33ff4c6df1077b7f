import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("NotificationStore conformance")
struct NotificationStoreConformanceTests {
    typealias F = StoreFixtures

    static func notification(for user: User, _ title: String, at seconds: Double) -> UserNotification {
        UserNotification(
            userId: user.id, type: "mention", title: title, message: "\(title) body", data: ["channelId": "c1", "n": title],
            createdAt: F.at(seconds))
    }

    @Test(arguments: Engine.available)
    func listIsNewestFirstPerUserWithUnreadFilterAndPaging(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let n1 = Self.notification(for: alice, "one", at: 1)
            var n2 = Self.notification(for: alice, "two", at: 2)
            n2.isRead = true
            n2.readAt = F.at(3)
            let n3 = Self.notification(for: alice, "three", at: 4)
            for notification in [n1, n2, n3, Self.notification(for: bob, "bobs", at: 5)] {
                try await store.notifications.insert(notification)
            }

            #expect(try await store.notifications.list(userId: alice.id, unreadOnly: false, limit: 10, offset: 0) == [n3, n2, n1])
            #expect(try await store.notifications.list(userId: alice.id, unreadOnly: true, limit: 10, offset: 0) == [n3, n1])
            #expect(try await store.notifications.list(userId: alice.id, unreadOnly: false, limit: 2, offset: 1) == [n2, n1])
            #expect(try await store.notifications.list(userId: alice.id, unreadOnly: false, limit: 1, offset: 0) == [n3])
            #expect(try await store.notifications.list(userId: ObjectId(), unreadOnly: false, limit: 10, offset: 0) == [])
            #expect(try await store.notifications.unreadCount(userId: alice.id) == 2)
            #expect(try await store.notifications.unreadCount(userId: bob.id) == 1)
        }
    }

    @Test(arguments: Engine.available)
    func onlyTheOwnerCanMarkReadOrDelete(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let mine = Self.notification(for: alice, "mine", at: 1)
            try await store.notifications.insert(mine)

            #expect(try await store.notifications.markRead(id: mine.id, userId: bob.id, at: F.at(2)) == nil)
            #expect(try await store.notifications.unreadCount(userId: alice.id) == 1)
            let read = try #require(try await store.notifications.markRead(id: mine.id, userId: alice.id, at: F.at(3)))
            #expect(read.isRead)
            #expect(read.readAt == F.at(3))
            #expect(read.title == "mine")
            #expect(try await store.notifications.unreadCount(userId: alice.id) == 0)
            #expect(try await store.notifications.markRead(id: ObjectId(), userId: alice.id, at: F.at(3)) == nil)

            #expect(try await store.notifications.delete(id: mine.id, userId: bob.id) == false)
            #expect(try await store.notifications.list(userId: alice.id, unreadOnly: false, limit: 10, offset: 0).count == 1)
            #expect(try await store.notifications.delete(id: mine.id, userId: alice.id))
            #expect(try await store.notifications.list(userId: alice.id, unreadOnly: false, limit: 10, offset: 0).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func markAllReadCountsOnlyTheUsersUnreadNotifications(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            for index in 0..<3 { try await store.notifications.insert(Self.notification(for: alice, "a\(index)", at: Double(index))) }
            var alreadyRead = Self.notification(for: alice, "read", at: 5)
            alreadyRead.isRead = true
            alreadyRead.readAt = F.at(6)
            try await store.notifications.insert(alreadyRead)
            try await store.notifications.insert(Self.notification(for: bob, "b", at: 1))

            #expect(try await store.notifications.markAllRead(userId: alice.id, at: F.at(10)) == 3)
            #expect(try await store.notifications.unreadCount(userId: alice.id) == 0)
            #expect(try await store.notifications.unreadCount(userId: bob.id) == 1)
            let listed = try await store.notifications.list(userId: alice.id, unreadOnly: false, limit: 10, offset: 0)
            #expect(listed.allSatisfy { $0.isRead })
            #expect(listed.first { $0.title == "a0" }?.readAt == F.at(10))
            #expect(listed.first { $0.title == "read" }?.readAt == F.at(6))
            #expect(try await store.notifications.markAllRead(userId: alice.id, at: F.at(11)) == 0)
        }
    }
}
