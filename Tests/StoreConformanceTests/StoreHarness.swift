import Foundation
import Logging
import MongoStore
import ParleyStore
import SQLiteStore

/// The engines the conformance suite runs on: SQLite always, MongoDB when `MONGODB_URL`
/// points at a server. Each test gets a fresh, empty store.
enum Engine: String, CustomStringConvertible, Sendable {
    case sqlite
    case mongodb

    var description: String { rawValue }

    static var mongoURL: String? {
        guard let url = ProcessInfo.processInfo.environment["MONGODB_URL"], !url.isEmpty else { return nil }
        return url
    }

    static var available: [Engine] {
        mongoURL == nil ? [.sqlite] : [.sqlite, .mongodb]
    }

    /// Opens a fresh store: a new SQLite file in a temporary folder, or a new MongoDB database
    /// named after a random id on the configured server.
    func open() async throws -> any Store {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-conformance-\(UUID().uuidString)")
            return try SQLiteStore(path: folder.appendingPathComponent("test.sqlite").path)
        case .mongodb:
            guard let base = Self.mongoURL else { throw StoreError.unavailable("MONGODB_URL is not set") }
            let store = try await MongoStore.connect(url: Self.databaseURL(base: base), logger: Logger(label: "conformance"))
            _ = try await store.removeAll()
            return store
        }
    }

    /// The server URL with its database path replaced by a unique test database name.
    static func databaseURL(base: String) -> String {
        let name = "parley_test_\(UUID().uuidString.prefix(8).lowercased())"
        var components = URLComponents(string: base)
        components?.path = "/" + name
        return components?.string ?? base
    }

    /// Leaves nothing behind: a MongoDB test database is emptied, a SQLite folder removed.
    func discard(_ store: any Store) async {
        if self == .mongodb { _ = try? await store.removeAll() }
        try? await store.close()
        if let sqlite = store as? SQLiteStore {
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: sqlite.path).deletingLastPathComponent())
        }
    }
}

/// Runs `body` against a fresh store and discards it afterwards, even when the body throws.
func withStore(_ engine: Engine, _ body: (any Store) async throws -> Void) async throws {
    let store = try await engine.open()
    do {
        try await body(store)
    } catch {
        await engine.discard(store)
        throw error
    }
    await engine.discard(store)
}
