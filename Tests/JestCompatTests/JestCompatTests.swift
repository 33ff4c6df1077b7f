import Foundation
import ParleyCore
import Testing

/// Runs jest-compat-fixtures against the real app seeded from the fixtures: every case and
/// flow of each world, as `runner/contract.test.mjs` does against a live server. One app per
/// world, cases in file order, as the Node runner sees them.
@Suite("jest-compat-fixtures")
struct JestCompatTests {
    @Test("every contract case passes", arguments: ["startup", "fake-data.model"])
    func everyCase(world: String) async throws {
        let catalog = try FixtureCatalog(world: world)
        try await SeededApp.run(world: world) { client in
            let tokens = ActorTokens()
            var failed = 0
            for (file, fixtureCase) in catalog.cases {
                let session = FixtureSession(catalog: catalog, client: client, tokens: tokens)
                let id = fixtureCase["id"]?.string ?? "?"
                let actor = fixtureCase["as"]?.string
                var failures: [String] = []
                for step in fixtureCase["setup"]?.array ?? [] {
                    let more: [String] = try await session.run(step, defaultActor: actor).map { "setup: \($0)" }
                    failures += more
                }
                if failures.isEmpty { failures += try await session.run(fixtureCase, defaultActor: actor) }
                if !failures.isEmpty {
                    failed += 1
                    Issue.record("\(file) \(id):\n  \(failures.joined(separator: "\n  "))")
                }
            }
            print("jest-compat-fixtures \(world) cases: \(catalog.cases.count - failed) passed, \(failed) failed")
        }
    }

    @Test("every flow passes", arguments: ["startup"])
    func everyFlow(world: String) async throws {
        let catalog = try FixtureCatalog(world: world)
        #expect(!catalog.flows.isEmpty)
        try await SeededApp.run(world: world) { client in
            let tokens = ActorTokens()
            var failed = 0
            for (file, flow) in catalog.flows {
                let session = FixtureSession(catalog: catalog, client: client, tokens: tokens)
                let actor = flow["as"]?.string
                var failures: [String] = []
                for step in flow["steps"]?.array ?? [] where failures.isEmpty {
                    let more: [String] = try await session.run(step, defaultActor: actor).map { "\(step["id"]?.string ?? "?"): \($0)" }
                    failures += more
                }
                for step in flow["cleanup"]?.array ?? [] {
                    let more: [String] = try await session.run(step, defaultActor: actor).map { "cleanup \(step["id"]?.string ?? "?"): \($0)" }
                    failures += more
                }
                if !failures.isEmpty {
                    failed += 1
                    Issue.record("\(file) \(flow["id"]?.string ?? "?"):\n  \(failures.joined(separator: "\n  "))")
                }
            }
            print("jest-compat-fixtures \(world) flows: \(catalog.flows.count - failed) passed, \(failed) failed")
        }
    }

    @Test("after seeding, every actor of the world signs in with the roles it is listed with", arguments: ["startup", "fake-data.model"])
    func everyActorSignsIn(world: String) async throws {
        let catalog = try FixtureCatalog(world: world)
        let actors = catalog.actors.filter { $0.value["seed"]?.string == world }
        #expect(!actors.isEmpty)
        try await SeededApp.run(world: world) { client in
            for (key, actor) in actors {
                let session = FixtureSession(catalog: catalog, client: client, tokens: ActorTokens())
                let signsIn = actor["expectLogin"] == .number(200)
                let roles: [JSONValue] =
                    signsIn ? [.object(["path": .string("$.data.user.roles"), "op": .string("deepEquals"), "value": actor["roles"] ?? .null])] : []
                let login: JSONValue = .object([
                    "request": .object([
                        "method": .string("POST"), "path": .string("/api/auth/login"),
                        "json": .object(["username": actor["username"] ?? .null, "password": actor["password"] ?? .null]),
                    ]),
                    "expect": .object(["status": actor["expectLogin"] ?? .number(200), "json": .array(roles)]),
                ])
                let failures = try await session.run(login, defaultActor: nil)
                #expect(failures.isEmpty, "\(key): \(failures)")
                if signsIn {
                    let me = try await session.actor(key)
                    #expect(me.id.count == 24, "\(key)")
                }
            }
        }
    }
}
