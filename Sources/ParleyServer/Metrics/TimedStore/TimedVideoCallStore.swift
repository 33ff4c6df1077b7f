import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the videoCalls repository (see `TimedStore`).
struct TimedVideoCallStore: VideoCallStore {
    let base: any VideoCallStore
    let timer: StoreTimer

    func insert(_ call: VideoCall) async throws {
        try await timer.time("videoCalls.insert(_:)") { try await base.insert(call) }
    }

    func find(id: ObjectId) async throws -> VideoCall? {
        try await timer.time("videoCalls.find(id:)") { try await base.find(id: id) }
    }

    func transition(id: ObjectId, _ transition: CallTransition) async throws -> VideoCall? {
        try await timer.time("videoCalls.transition(id:_:)") { try await base.transition(id: id, transition) }
    }

    func history(userId: ObjectId, status: CallStatus?, limit: Int, offset: Int) async throws -> [VideoCall] {
        try await timer.time("videoCalls.history(userId:status:limit:offset:)") { try await base.history(userId: userId, status: status, limit: limit, offset: offset) }
    }

    func active(userId: ObjectId) async throws -> [VideoCall] {
        try await timer.time("videoCalls.active(userId:)") { try await base.active(userId: userId) }
    }

    func ringing(before: Date) async throws -> [VideoCall] {
        try await timer.time("videoCalls.ringing(before:)") { try await base.ringing(before: before) }
    }

    func stats(userId: ObjectId) async throws -> CallStats {
        try await timer.time("videoCalls.stats(userId:)") { try await base.stats(userId: userId) }
    }
}
