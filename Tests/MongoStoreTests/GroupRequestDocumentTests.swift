import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `groupRequests` document shape and the lenient reading of old requests.
struct GroupRequestDocumentTests {
    @Test func requestIsWrittenInTheOldServersShape() throws {
        let document = try GroupRequestDocuments.document(for: Fixtures.request)
        #expect(
            document.keys == [
                "_id", "userId", "groupId", "username", "userEmail", "groupName", "requestType", "status", "message", "reason",
                "requestedAt", "reviewedAt", "reviewedBy", "reviewerName",
            ])
        #expect(document["userId"] == .objectId(Fixtures.otherUserId) && document["groupId"] == .objectId(Fixtures.groupId))
        #expect(document["status"] == "pending")
        #expect(document["reviewedBy"] == .null && document["reason"] == .null)
        #expect(try GroupRequestDocuments.request(from: BSONDocument(bytes: document.bytes())) == Fixtures.request)
    }

    @Test func reviewedAndWithdrawnRequestsRoundTrip() throws {
        var reviewed = Fixtures.request
        reviewed.status = .withdrawn
        reviewed.reason = "changed my mind"
        reviewed.reviewedAt = Fixtures.lastLogin
        reviewed.reviewedBy = Fixtures.userId
        reviewed.reviewerName = "alice"
        let document = try GroupRequestDocuments.document(for: reviewed)
        #expect(document["status"] == "withdrawn")
        #expect(try GroupRequestDocuments.request(from: BSONDocument(bytes: document.bytes())) == reviewed)
    }

    @Test func oldRequestsReadWithDefaults() throws {
        // Seeded: createdAt instead of requestedAt, no userEmail, no status; API: a null requestType.
        let old: BSONDocument = [
            "_id": .objectId(Fixtures.requestId), "userId": .string(Fixtures.otherUserId.hexString),
            "groupId": .objectId(Fixtures.groupId), "username": "bob", "groupName": "Swift", "requestType": nil,
            "createdAt": .date(Fixtures.createdAt), "updatedAt": .date(Fixtures.updatedAt), "reviewedBy": "not-an-id",
        ]
        let request = try GroupRequestDocuments.request(from: old)
        #expect(request.userId == Fixtures.otherUserId)
        #expect(request.status == .pending)
        #expect(request.requestType == "request_invite")
        #expect(request.requestedAt == Fixtures.createdAt)
        #expect(request.userEmail == nil && request.reviewedBy == nil)
        let bare = try GroupRequestDocuments.request(
            from: ["_id": .objectId(Fixtures.requestId), "userId": .objectId(Fixtures.userId), "groupId": .objectId(Fixtures.groupId)])
        #expect(bare.requestedAt == Fixtures.requestId.timestamp && bare.username == "" && bare.groupName == "")
    }

    @Test func unknownStatusIsCorrupt() {
        let odd: BSONDocument = [
            "_id": .objectId(Fixtures.requestId), "userId": .objectId(Fixtures.userId), "groupId": .objectId(Fixtures.groupId),
            "status": "maybe",
        ]
        #expect(throws: StoreError.self) { try GroupRequestDocuments.request(from: odd) }
    }
}
