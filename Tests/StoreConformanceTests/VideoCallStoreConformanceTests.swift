import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("VideoCallStore conformance")
struct VideoCallStoreConformanceTests {
    typealias F = StoreFixtures

    static func call(_ caller: User, _ receiver: User, at seconds: Double, status: CallStatus = .ringing) -> VideoCall {
        VideoCall(
            callerId: caller.id, receiverId: receiver.id, callerName: caller.username, receiverName: receiver.username,
            channelId: ObjectId(), status: status, startTime: F.at(seconds))
    }

    @Test(arguments: Engine.available)
    func transitionsHappenOnceAndOnlyFromTheStatedStatus(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let ringing = Self.call(alice, bob, at: 1)
            try await store.videoCalls.insert(ringing)
            #expect(try await store.videoCalls.find(id: ringing.id) == ringing)

            let accepted = try #require(
                try await store.videoCalls.transition(id: ringing.id, CallTransition(from: .ringing, to: .accepted, at: F.at(2), answerTime: F.at(2))))
            #expect(accepted.status == .accepted)
            #expect(accepted.answerTime == F.at(2))
            // A second answer, or a timeout racing the answer, finds the call no longer ringing.
            #expect(try await store.videoCalls.transition(id: ringing.id, CallTransition(from: .ringing, to: .missed, at: F.at(3))) == nil)
            let ended = try #require(
                try await store.videoCalls.transition(
                    id: ringing.id, CallTransition(from: .accepted, to: .ended, at: F.at(12), endTime: F.at(12), duration: 10)))
            #expect(ended.status == .ended)
            #expect(ended.duration == 10)
            #expect(ended.answerTime == F.at(2), "earlier fields stay")
            #expect(ended.updatedAt == F.at(12))
        }
    }

    @Test(arguments: Engine.available)
    func historyActiveRingingAndStatsAreAboutEitherParty(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let carol = try await F.insertUser(store, "carol")
            let old = Self.call(alice, bob, at: 1, status: .missed)
            var talked = Self.call(bob, alice, at: 2, status: .ended)
            talked.answerTime = F.at(3)
            talked.duration = 30
            let ringing = Self.call(alice, carol, at: 100)
            let others = Self.call(bob, carol, at: 4, status: .rejected)
            for call in [old, talked, ringing, others] { try await store.videoCalls.insert(call) }

            #expect(try await store.videoCalls.history(userId: alice.id, status: nil, limit: 10, offset: 0).map(\.id) == [ringing.id, talked.id, old.id])
            #expect(try await store.videoCalls.history(userId: alice.id, status: nil, limit: 1, offset: 1).map(\.id) == [talked.id])
            #expect(try await store.videoCalls.history(userId: alice.id, status: .missed, limit: 10, offset: 0).map(\.id) == [old.id])
            #expect(try await store.videoCalls.active(userId: carol.id).map(\.id) == [ringing.id])
            #expect(try await store.videoCalls.active(userId: bob.id).isEmpty)
            #expect(try await store.videoCalls.ringing(before: F.at(101)).map(\.id) == [ringing.id])
            #expect(try await store.videoCalls.ringing(before: F.at(50)).isEmpty)
            #expect(
                try await store.videoCalls.stats(userId: alice.id)
                    == CallStats(totalCalls: 3, acceptedCalls: 1, rejectedCalls: 0, missedCalls: 1, totalDuration: 30, endedCalls: 1))
            #expect(
                try await store.videoCalls.stats(userId: ObjectId())
                    == CallStats(totalCalls: 0, acceptedCalls: 0, rejectedCalls: 0, missedCalls: 0, totalDuration: 0, endedCalls: 0))
        }
    }
}
