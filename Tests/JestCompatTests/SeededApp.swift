import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SocketIO
@testable import ParleyServer

/// The real application on a temporary SQLite file, seeded with a fixture world by the same
/// code `seed-sample-data` runs, and reached over real HTTP on a loopback port.
enum SeededApp {
    static func configuration(folder: URL) -> AppConfiguration {
        AppConfiguration(
            host: "127.0.0.1", port: 0, store: .sqlite(path: folder.appendingPathComponent("parley.sqlite").path),
            environment: .test, accessTokenSecret: "fixture-access-secret-0123456789abcdef",
            refreshTokenSecret: "fixture-refresh-secret-0123456789abcdef",
            uploadDirectory: folder.appendingPathComponent("uploads").path, logLevel: .warning,
            // The lowest cost bcrypt allows: still bcrypt, but fast to seed and sign in.
            bcryptCost: 4,
            // Suites run side by side: the PeerJS server is reached on the main port only.
            realtime: RealtimeSettings(peerServerPort: nil),
            // The test HTTP client keeps one connection for the whole run and never reconnects.
            httpLimits: HTTPConnectionLimits(requestHeadTimeout: .seconds(300), idleTimeout: .seconds(300)))
    }

    static func worldFolder(_ world: String) -> URL {
        FixtureCatalog.folder.appendingPathComponent("seed").appendingPathComponent(world)
    }

    /// A fresh temporary folder, removed afterwards.
    static func withFolder<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fixtures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    static func run(world: String, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await withFolder { folder in
            let configuration = configuration(folder: folder)
            var logger = Logger(label: "parley-fixtures")
            logger.logLevel = .warning
            _ = try await SeedCommand.run(
                worlds: [worldFolder(world)], volume: VolumePlan(), configuration: configuration, logger: logger, output: { _ in })
            let app = try await ApplicationBuilder.build(configuration: configuration, logger: logger)
            try await app.test(.live) { client in try await body(client) }
        }
    }
}
