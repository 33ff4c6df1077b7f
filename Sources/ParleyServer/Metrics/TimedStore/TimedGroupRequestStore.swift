import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the groupRequests repository (see `TimedStore`).
struct TimedGroupRequestStore: GroupRequestStore {
    let base: any GroupRequestStore
    let timer: StoreTimer

    func insert(_ request: GroupRequest) async throws {
        try await timer.time("groupRequests.insert(_:)") { try await base.insert(request) }
    }

    func find(id: ObjectId) async throws -> GroupRequest? {
        try await timer.time("groupRequests.find(id:)") { try await base.find(id: id) }
    }

    func list(_ query: GroupRequestQuery) async throws -> Page<GroupRequest> {
        try await timer.time("groupRequests.list(_:)") { try await base.list(query) }
    }

    func review(id: ObjectId, _ review: GroupRequestReview) async throws -> GroupRequest? {
        try await timer.time("groupRequests.review(id:_:)") { try await base.review(id: id, review) }
    }

    func delete(id: ObjectId) async throws -> Bool {
        try await timer.time("groupRequests.delete(id:)") { try await base.delete(id: id) }
    }

    func counts(_ query: GroupRequestQuery) async throws -> GroupRequestCounts {
        try await timer.time("groupRequests.counts(_:)") { try await base.counts(query) }
    }
}
