import Foundation
import ParleyCore

/// One settings record per user.
public protocol SettingsStore: Sendable {
    func find(userId: ObjectId) async throws -> UserSettings?
    /// Inserts or replaces the user's record.
    func save(_ settings: UserSettings) async throws
}
