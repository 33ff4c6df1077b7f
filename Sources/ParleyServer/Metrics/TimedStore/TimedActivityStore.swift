import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the activity repository (see `TimedStore`).
struct TimedActivityStore: ActivityStore {
    let base: any ActivityStore
    let timer: StoreTimer

    func insert(_ entry: ActivityEntry) async throws {
        try await timer.time("activity.insert(_:)") { try await base.insert(entry) }
    }

    func list(_ query: ActivityQuery) async throws -> Page<ActivityEntry> {
        try await timer.time("activity.list(_:)") { try await base.list(query) }
    }
}
