import Foundation
import ParleyCore

/// A `userSettings` document: one per user, `_id` being the user's id. `settings` and
/// `preferences` are native BSON documents (through `JSONValue`'s Codable), not JSON text, so
/// they can be read in the shell and queried by path.
struct UserSettingsDocument: Codable, Equatable {
    var userId: ObjectId
    var settings: [String: JSONValue]
    var preferences: [String: JSONValue]
    var status: String?
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case userId = "_id"
        case settings, preferences, status, updatedAt
    }

    init(_ settings: UserSettings) {
        userId = settings.userId
        self.settings = settings.settings
        preferences = settings.preferences
        status = settings.status
        updatedAt = settings.updatedAt
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        userId = try container.decode(ObjectId.self, forKey: .userId)
        settings = try container.decodeIfPresent([String: JSONValue].self, forKey: .settings) ?? [:]
        preferences = try container.decodeIfPresent([String: JSONValue].self, forKey: .preferences) ?? [:]
        status = try container.decodeIfPresent(String.self, forKey: .status)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt) ?? userId.timestamp
    }

    var userSettings: UserSettings {
        UserSettings(userId: userId, settings: settings, preferences: preferences, status: status, updatedAt: updatedAt)
    }
}
