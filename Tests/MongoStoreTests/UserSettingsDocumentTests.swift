import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// User settings are stored as native BSON documents through `JSONValue`'s Codable.
struct UserSettingsDocumentTests {
    private let nested: [String: JSONValue] = [
        "notifications": .object(["email": .bool(false), "push": .bool(true), "quietHours": .array([.number(22), .number(7)])]),
        "appearance": .object(["theme": .string("dark"), "fontScale": .number(1.25), "accent": .null]),
        "pinned": .array([.string("a"), .object(["deep": .object(["x": .number(-1)])]), .array([]), .null, .bool(false)]),
        "empty": .object([:]),
    ]

    @Test func nestedJSONRoundTripsThroughLibbson() throws {
        let settings = UserSettings(
            userId: Fixtures.userId, settings: nested, preferences: ["language": .string("fr")], status: "busy",
            updatedAt: Fixtures.updatedAt)
        let document = try UserSettingsDocuments.document(for: settings)
        #expect(document.keys == ["_id", "settings", "preferences", "status", "updatedAt"])
        #expect(document["_id"] == .objectId(Fixtures.userId))
        #expect(try UserSettingsDocuments.settings(from: BSONDocument(bytes: document.bytes())) == settings)
    }

    @Test func jsonValuesBecomeNativeBSON() throws {
        let settings = UserSettings(userId: Fixtures.userId, settings: nested, updatedAt: Fixtures.updatedAt)
        let stored = try UserSettingsDocuments.document(for: settings)["settings"]?.documentValue
        let appearance = stored?["appearance"]?.documentValue
        #expect(appearance?["theme"] == "dark")
        #expect(appearance?["fontScale"] == .double(1.25))
        #expect(appearance?["accent"] == .null)
        #expect(stored?["notifications"]?.documentValue?["quietHours"] == [.double(22), .double(7)])
        #expect(stored?["empty"] == .document([:]))
        #expect(stored?["pinned"]?.arrayValue?[2] == .array([]))
    }

    @Test func numbersWrittenByOthersReadAsNumbers() throws {
        let document: BSONDocument = [
            "_id": .objectId(Fixtures.userId),
            "settings": ["small": .int32(3), "large": .int64(1 << 40), "flag": true],
            "updatedAt": .date(Fixtures.updatedAt),
        ]
        let settings = try UserSettingsDocuments.settings(from: document)
        #expect(settings.settings == ["small": .number(3), "large": .number(Double(1 << 40)), "flag": .bool(true)])
        #expect(settings.preferences == [:] && settings.status == nil)
    }

    @Test func filterIsTheUserId() {
        #expect(UserSettingsDocuments.filter(userId: Fixtures.userId) == ["_id": .objectId(Fixtures.userId)])
        #expect(UserSettingsDocuments.collection == "userSettings")
    }
}
