import Foundation
import ParleyCore

/// The `jest-compat-fixtures` folder, read the way `runner/fixtures.mjs` reads it: the cases of
/// one world in file-name order, its flows, its actors and the `_key → _id` index of its seed.
struct FixtureCatalog: Sendable {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("jest-compat-fixtures")

    let world: String
    let manifest: JSONValue
    let actors: [String: JSONValue]
    /// Each case with the file it came from.
    let cases: [(file: String, body: JSONValue)]
    let flows: [(file: String, body: JSONValue)]
    /// collection → `_key` → `_id`.
    let seedIds: [String: [String: String]]

    init(world: String) throws {
        self.world = world
        manifest = try Self.read("manifest.json")
        guard case .object(let actors) = try Self.read("actors.json") else { throw FixtureError("actors.json is not an object") }
        self.actors = actors
        func ofWorld(_ value: JSONValue) -> Bool { (value["seed"]?.string ?? "startup") == world }
        cases = try Self.files(in: "cases").flatMap { file -> [(file: String, body: JSONValue)] in
            guard case .array(let items) = try Self.read("cases/\(file)") else { throw FixtureError("\(file) is not an array") }
            return items.filter(ofWorld).map { (file, $0) }
        }
        flows = try Self.files(in: "flows").map { (file: $0, body: try Self.read("flows/\($0)")) }.filter { ofWorld($0.body) }
        var seedIds: [String: [String: String]] = [:]
        if case .object(let collections) = manifest["collections"] {
            for (collection, file) in collections {
                let url = Self.folder.appendingPathComponent("seed/\(world)/\(file.string ?? "")")
                guard FileManager.default.fileExists(atPath: url.path),
                    case .array(let records) = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
                else { continue }
                for record in records {
                    if let key = record["_key"]?.string, let id = record["_id"]?["$oid"]?.string { seedIds[collection, default: [:]][key] = id }
                }
            }
        }
        self.seedIds = seedIds
    }

    static func read(_ path: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: folder.appendingPathComponent(path)))
    }

    static func files(in subfolder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path)
            .filter { $0.hasSuffix(".json") }.sorted()
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
