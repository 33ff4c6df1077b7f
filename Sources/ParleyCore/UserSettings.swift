import Foundation

/// A user's stored settings and preferences: free-form JSON objects that clients shape, merged
/// deeply into the defaults when read.
public struct UserSettings: Codable, Sendable, Equatable {
    public var userId: ObjectId
    public var settings: [String: JSONValue]
    public var preferences: [String: JSONValue]
    /// The presence status the user chose (`online`, `away`, `busy`, `offline`).
    public var status: String?
    public var updatedAt: Date

    public init(
        userId: ObjectId, settings: [String: JSONValue] = [:], preferences: [String: JSONValue] = [:],
        status: String? = nil, updatedAt: Date = Date()
    ) {
        self.userId = userId
        self.settings = settings
        self.preferences = preferences
        self.status = status
        self.updatedAt = updatedAt
    }

    /// The defaults the old server answered with.
    public static let defaultSettings: [String: JSONValue] = [
        "notifications": .object(["email": .bool(true), "push": .bool(true), "sound": .bool(true)]),
        "privacy": .object(["showOnlineStatus": .bool(true), "allowDirectMessages": .bool(true)]),
        "appearance": .object(["theme": .string("light"), "fontSize": .string("medium")]),
    ]

    /// `base` with `overlay` merged in, objects merged key by key (the old server's shallow
    /// merge lost sibling keys of a partial update).
    public static func deepMerge(_ base: [String: JSONValue], _ overlay: [String: JSONValue]) -> [String: JSONValue] {
        var result = base
        for (key, value) in overlay {
            if case .object(let inner) = value, case .object(let existing)? = result[key] {
                result[key] = .object(deepMerge(existing, inner))
            } else {
                result[key] = value
            }
        }
        return result
    }
}
