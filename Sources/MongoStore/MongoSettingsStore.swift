import Foundation
import ParleyCore
import ParleyStore

/// One settings record per user on MongoDB. Saving replaces the whole document (inserting it
/// the first time), so a save is one atomic write whatever was there before.
struct MongoSettingsStore: SettingsStore {
    let collection: MongoCollection

    func find(userId: ObjectId) async throws -> UserSettings? {
        try await collection.findOne(UserSettingsDocuments.filter(userId: userId)).map(UserSettingsDocuments.settings(from:))
    }

    func save(_ settings: UserSettings) async throws {
        try await collection.upsertOne(
            UserSettingsDocuments.filter(userId: settings.userId), replacement: UserSettingsDocuments.document(for: settings))
    }
}
