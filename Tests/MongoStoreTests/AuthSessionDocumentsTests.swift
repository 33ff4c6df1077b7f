import Foundation
import ParleyCore
import Testing

@testable import MongoStore

/// The exact filters, updates and options MongoAuthSessionStore sends.
struct AuthSessionDocumentsTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000.25)
    private let id = ObjectId("6a0000000000000000000001") ?? ObjectId()

    @Test func findAndTouch() {
        #expect(AuthSessionDocuments.filter(id: id) == ["_id": .objectId(id)])
        #expect(AuthSessionDocuments.touch(at: now) == ["$set": ["lastUsedAt": .date(now)]])
    }

    @Test func revokeOnlyUnrevokedSessions() {
        #expect(AuthSessionDocuments.revokeFilter(id: id) == ["_id": .objectId(id), "revokedAt": .null])
        #expect(AuthSessionDocuments.revoke(at: now) == ["$set": ["revokedAt": .date(now)]])
        #expect(
            AuthSessionDocuments.revokeAllFilter(userId: Fixtures.userId)
                == ["userId": .objectId(Fixtures.userId), "revokedAt": .null])
    }

    @Test func liveSessionsNewestFirst() {
        #expect(
            AuthSessionDocuments.liveFilter(userId: Fixtures.userId, at: now) == [
                "userId": .objectId(Fixtures.userId), "revokedAt": .null, "expiresAt": ["$gt": .date(now)],
            ])
        #expect(AuthSessionDocuments.liveOptions == ["sort": ["createdAt": -1, "_id": -1]])
    }

    @Test func deleteExpired() {
        #expect(AuthSessionDocuments.expiredFilter(before: now) == ["expiresAt": ["$lt": .date(now)]])
    }

    @Test func indexesAreNotTTL() {
        #expect(
            AuthSessionDocuments.indexes.map(\.createCommand) == [
                ["createIndexes": "authSessions", "indexes": [["key": ["userId": 1], "name": "userId_1"]]],
                ["createIndexes": "authSessions", "indexes": [["key": ["expiresAt": 1], "name": "expiresAt_1"]]],
            ])
    }
}
