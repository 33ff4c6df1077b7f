import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the sessions repository (see `TimedStore`).
struct TimedAuthSessionStore: AuthSessionStore {
    let base: any AuthSessionStore
    let timer: StoreTimer

    func insert(_ session: AuthSession) async throws {
        try await timer.time("sessions.insert(_:)") { try await base.insert(session) }
    }

    func find(id: ObjectId) async throws -> AuthSession? {
        try await timer.time("sessions.find(id:)") { try await base.find(id: id) }
    }

    func touch(id: ObjectId, at date: Date) async throws -> Bool {
        try await timer.time("sessions.touch(id:at:)") { try await base.touch(id: id, at: date) }
    }

    func revoke(id: ObjectId, at date: Date) async throws -> Bool {
        try await timer.time("sessions.revoke(id:at:)") { try await base.revoke(id: id, at: date) }
    }

    func revokeAll(userId: ObjectId, at date: Date) async throws -> Int {
        try await timer.time("sessions.revokeAll(userId:at:)") { try await base.revokeAll(userId: userId, at: date) }
    }

    func liveSessions(userId: ObjectId, at date: Date) async throws -> [AuthSession] {
        try await timer.time("sessions.liveSessions(userId:at:)") { try await base.liveSessions(userId: userId, at: date) }
    }

    func deleteExpired(before date: Date) async throws -> Int {
        try await timer.time("sessions.deleteExpired(before:)") { try await base.deleteExpired(before: date) }
    }
}
