import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the settings repository (see `TimedStore`).
struct TimedSettingsStore: SettingsStore {
    let base: any SettingsStore
    let timer: StoreTimer

    func find(userId: ObjectId) async throws -> UserSettings? {
        try await timer.time("settings.find(userId:)") { try await base.find(userId: userId) }
    }

    func save(_ settings: UserSettings) async throws {
        try await timer.time("settings.save(_:)") { try await base.save(settings) }
    }
}
