import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `videoCalls` documents (the old server's collection and field names) and every query.
struct VideoCallDocumentsTests {
    private let call = VideoCall(
        id: Fixtures.requestId, callerId: Fixtures.userId, receiverId: Fixtures.otherUserId, callerName: "alice",
        receiverName: "bob", channelId: Fixtures.channelId, status: .accepted, startTime: Fixtures.createdAt,
        answerTime: Fixtures.updatedAt)

    @Test func callIsWrittenInTheOldShapeAndReadBack() throws {
        let document = try VideoCallDocuments.document(for: call)
        #expect(document["callerId"] == .objectId(Fixtures.userId))
        #expect(document["status"] == "accepted")
        #expect(document["startTime"] == .date(Fixtures.createdAt))
        #expect(try VideoCallDocuments.call(from: BSONDocument(bytes: document.bytes())) == call)
    }

    @Test func oldServerDocumentsRead() throws {
        // As the old socket handler wrote them: status `calling`, no answer time.
        let old: BSONDocument = [
            "_id": .objectId(Fixtures.requestId), "callerId": .objectId(Fixtures.userId), "receiverId": .string(Fixtures.otherUserId.hexString),
            "callerName": "alice", "receiverName": "Unknown", "status": "calling", "startTime": .date(Fixtures.createdAt),
            "callType": "video", "quality": ["video": "medium", "audio": "medium"],
        ]
        let read = try VideoCallDocuments.call(from: old)
        #expect(read.status == .ringing)
        #expect(read.receiverId == Fixtures.otherUserId)
        #expect(read.channelId == nil)
        #expect(read.createdAt == Fixtures.createdAt)
        #expect(throws: StoreError.self) { try VideoCallDocuments.call(from: ["_id": .objectId(Fixtures.requestId), "callerId": .objectId(Fixtures.userId), "receiverId": .objectId(Fixtures.userId), "status": "exploded"]) }
    }

    @Test func transitionsAreConditionalOnTheCurrentStatus() {
        #expect(
            VideoCallDocuments.transitionFilter(id: Fixtures.requestId, from: .ringing)
                == ["_id": .objectId(Fixtures.requestId), "status": ["$in": ["ringing", "calling"]]])
        #expect(
            VideoCallDocuments.transitionFilter(id: Fixtures.requestId, from: .accepted)
                == ["_id": .objectId(Fixtures.requestId), "status": ["$in": ["accepted"]]])
        let ended = CallTransition(from: .accepted, to: .ended, at: Fixtures.lastLogin, endTime: Fixtures.lastLogin, duration: 12.5)
        #expect(
            VideoCallDocuments.transitionUpdate(ended)
                == ["$set": ["status": "ended", "updatedAt": .date(Fixtures.lastLogin), "endTime": .date(Fixtures.lastLogin), "duration": 12.5]])
    }

    @Test func queriesNameEitherParty() {
        let either: BSONValue = [["callerId": .objectId(Fixtures.userId)], ["receiverId": .objectId(Fixtures.userId)]]
        #expect(VideoCallDocuments.historyFilter(userId: Fixtures.userId, status: nil) == ["$or": either])
        #expect(VideoCallDocuments.historyFilter(userId: Fixtures.userId, status: .missed) == ["$or": either, "status": ["$in": ["missed"]]])
        #expect(VideoCallDocuments.activeFilter(userId: Fixtures.userId) == ["$or": either, "status": ["$in": ["ringing", "calling", "accepted"]]])
        #expect(VideoCallDocuments.ringingFilter(before: Fixtures.createdAt) == ["status": ["$in": ["ringing", "calling"]], "startTime": ["$lt": .date(Fixtures.createdAt)]])
        #expect(VideoCallDocuments.historyOptions(limit: 0, offset: 0) == nil)
        #expect(VideoCallDocuments.historyOptions(limit: 20, offset: 40) == ["sort": ["startTime": -1, "_id": -1], "skip": .int64(40), "limit": .int64(20)])
    }

    @Test func statsAreReadFromTheGroupStage() {
        #expect(VideoCallDocuments.stats(from: []) == CallStats(totalCalls: 0, acceptedCalls: 0, rejectedCalls: 0, missedCalls: 0, totalDuration: 0, endedCalls: 0))
        let result: BSONDocument = ["_id": nil, "total": .int32(5), "accepted": .int32(3), "rejected": .int64(1), "missed": .int32(1), "totalDuration": 90.5, "ended": .int32(2)]
        #expect(VideoCallDocuments.stats(from: [result]) == CallStats(totalCalls: 5, acceptedCalls: 3, rejectedCalls: 1, missedCalls: 1, totalDuration: 90.5, endedCalls: 2))
    }
}
