import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `activityLog` documents and the audit log's queries.
struct ActivityDocumentsTests {
    private let entry = ActivityEntry(
        id: Fixtures.requestId, actorId: Fixtures.userId, actorName: "alice", action: "group.create", targetType: "group",
        targetId: Fixtures.groupId, details: "Created Swift", isAdministrative: true, createdAt: Fixtures.createdAt)

    @Test func entryIsWrittenAndReadBack() throws {
        let document = try ActivityDocuments.document(for: entry)
        #expect(
            document.keys == ["_id", "actorId", "actorName", "action", "targetType", "targetId", "details", "isAdministrative", "createdAt"])
        #expect(document["targetId"] == .objectId(Fixtures.groupId))
        #expect(try ActivityDocuments.entry(from: BSONDocument(bytes: document.bytes())) == entry)
        var bare = entry
        bare.targetId = nil
        bare.details = nil
        let bareDocument = try ActivityDocuments.document(for: bare)
        #expect(bareDocument["targetId"] == .null)
        #expect(try ActivityDocuments.entry(from: bareDocument) == bare)
    }

    @Test func filters() {
        #expect(ActivityDocuments.filter(for: ActivityQuery()) == [:])
        let since = Fixtures.createdAt
        let until = Fixtures.updatedAt
        #expect(
            ActivityDocuments.filter(
                for: ActivityQuery(
                    actorId: Fixtures.userId, administrativeOnly: true, action: "auth.login", targetType: "user",
                    targetId: Fixtures.groupId, since: since, until: until))
                == [
                    "actorId": .objectId(Fixtures.userId), "isAdministrative": true, "action": "auth.login", "targetType": "user",
                    "targetId": .objectId(Fixtures.groupId), "createdAt": ["$gte": .date(since), "$lt": .date(until)],
                ])
        #expect(ActivityDocuments.filter(for: ActivityQuery(until: until)) == ["createdAt": ["$lt": .date(until)]])
    }

    @Test func listOptionsNewestFirst() {
        #expect(
            ActivityDocuments.listOptions(for: PageRequest(page: 2, limit: 50))
                == ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(50), "limit": .int64(50)])
    }

    @Test func indexesEndInTheListOrder() {
        #expect(ActivityDocuments.collection == "activityLog")
        #expect(
            ActivityDocuments.indexes.map(\.keys) == [
                ["createdAt": -1, "_id": -1], ["actorId": 1, "createdAt": -1, "_id": -1],
                ["isAdministrative": 1, "createdAt": -1, "_id": -1], ["targetId": 1, "createdAt": -1], ["action": 1, "createdAt": -1],
            ])
    }
}
