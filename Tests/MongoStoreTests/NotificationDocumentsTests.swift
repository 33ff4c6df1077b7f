import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `notifications` documents and every query, each scoped to its user.
struct NotificationDocumentsTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000.5)
    private let notification = UserNotification(
        id: Fixtures.requestId, userId: Fixtures.userId, type: "mention", title: "Hi", message: "You were mentioned",
        data: ["channelId": "c1", "messageId": "m1"], createdAt: Fixtures.createdAt)

    @Test func notificationIsWrittenWithNativeDataAndReadBack() throws {
        let document = try NotificationDocuments.document(for: notification)
        #expect(document.keys == ["_id", "userId", "type", "title", "message", "data", "isRead", "createdAt", "readAt"])
        #expect(Set(document["data"]?.documentValue?.keys ?? []) == ["channelId", "messageId"])
        #expect(document["data"]?.documentValue?["channelId"] == "c1")
        #expect(try NotificationDocuments.notification(from: BSONDocument(bytes: document.bytes())) == notification)
        var read = notification
        read.isRead = true
        read.readAt = now
        read.data = [:]
        #expect(try NotificationDocuments.notification(from: BSONDocument(bytes: NotificationDocuments.document(for: read).bytes())) == read)
    }

    @Test func filtersNameTheUser() {
        #expect(
            NotificationDocuments.filter(id: Fixtures.requestId, userId: Fixtures.userId)
                == ["_id": .objectId(Fixtures.requestId), "userId": .objectId(Fixtures.userId)])
        #expect(NotificationDocuments.filter(userId: Fixtures.userId, unreadOnly: false) == ["userId": .objectId(Fixtures.userId)])
        #expect(
            NotificationDocuments.filter(userId: Fixtures.userId, unreadOnly: true)
                == ["userId": .objectId(Fixtures.userId), "isRead": ["$ne": true]])
    }

    @Test func listOptionsNeverPassALimitOfZero() {
        #expect(
            NotificationDocuments.listOptions(limit: 20, offset: 40)
                == ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(40), "limit": .int64(20)])
        #expect(
            NotificationDocuments.listOptions(limit: 5, offset: -3)
                == ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(0), "limit": .int64(5)])
        #expect(NotificationDocuments.listOptions(limit: 0, offset: 0) == nil)
        #expect(NotificationDocuments.listOptions(limit: -1, offset: 0) == nil)
    }

    @Test func markRead() {
        #expect(NotificationDocuments.markRead(at: now) == ["$set": ["isRead": true, "readAt": .date(now)]])
    }

    @Test func indexes() {
        #expect(
            NotificationDocuments.indexes.map(\.keys) == [["userId": 1, "createdAt": -1, "_id": -1], ["userId": 1, "isRead": 1]])
    }
}
