import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("SettingsStore conformance")
struct SettingsStoreConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func savedSettingsReadBackWithNestedJSON(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            #expect(try await store.settings.find(userId: alice.id) == nil)

            let settings = UserSettings(
                userId: alice.id,
                settings: [
                    "notifications": .object(["email": .bool(false), "push": .bool(true), "quietHours": .array([.number(22), .number(7)])]),
                    "appearance": .object(["theme": .string("dark"), "fontScale": .number(1.25), "accent": .null]),
                ],
                preferences: ["language": .string("fr"), "pinned": .array([.string("a"), .object(["deep": .object(["x": .number(1)])])])],
                status: "busy", updatedAt: F.at(1))
            try await store.settings.save(settings)
            #expect(try await store.settings.find(userId: alice.id) == settings)
        }
    }

    @Test(arguments: Engine.available)
    func savingAgainReplacesTheWholeRecord(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            try await store.settings.save(
                UserSettings(userId: alice.id, settings: ["a": .number(1), "b": .number(2)], status: "away", updatedAt: F.at(1)))
            let bobs = UserSettings(userId: bob.id, preferences: ["x": .bool(true)], updatedAt: F.at(1))
            try await store.settings.save(bobs)

            let replacement = UserSettings(userId: alice.id, settings: ["a": .number(3)], status: nil, updatedAt: F.at(2))
            try await store.settings.save(replacement)
            #expect(try await store.settings.find(userId: alice.id) == replacement)
            #expect(try await store.settings.find(userId: bob.id) == bobs)
        }
    }
}
