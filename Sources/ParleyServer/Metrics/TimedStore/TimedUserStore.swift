import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the users repository (see `TimedStore`).
struct TimedUserStore: UserStore {
    let base: any UserStore
    let timer: StoreTimer

    func insert(_ user: User) async throws {
        try await timer.time("users.insert(_:)") { try await base.insert(user) }
    }

    func find(id: ObjectId) async throws -> User? {
        try await timer.time("users.find(id:)") { try await base.find(id: id) }
    }

    func find(ids: [ObjectId]) async throws -> [User] {
        try await timer.time("users.find(ids:)") { try await base.find(ids: ids) }
    }

    func find(login: String) async throws -> User? {
        try await timer.time("users.find(login:)") { try await base.find(login: login) }
    }

    func update(id: ObjectId, _ changes: UserChanges, at date: Date) async throws -> User? {
        try await timer.time("users.update(id:_:at:)") { try await base.update(id: id, changes, at: date) }
    }

    func delete(id: ObjectId) async throws -> Bool {
        try await timer.time("users.delete(id:)") { try await base.delete(id: id) }
    }

    func list(_ query: UserQuery) async throws -> Page<User> {
        try await timer.time("users.list(_:)") { try await base.list(query) }
    }

    func count(role: Role) async throws -> Int {
        try await timer.time("users.count(role:)") { try await base.count(role: role) }
    }

    func counts(activeSince: Date, createdSince: Date) async throws -> UserCounts {
        try await timer.time("users.counts(activeSince:createdSince:)") { try await base.counts(activeSince: activeSince, createdSince: createdSince) }
    }
}
