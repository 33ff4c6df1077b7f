import Foundation
import Logging
@testable import MongoStore
@testable import ParleyServer

/// The store a test app runs on: a SQLite file in the test's folder, or, when
/// `PARLEY_TEST_MONGODB_URL` names a MongoDB server (scripts/test-mongo sets it), a database of
/// its own on that server, dropped when the test ends. The HTTP suites thus run on both engines.
enum TestStore {
    static var mongoURL: String? {
        guard let url = ProcessInfo.processInfo.environment["PARLEY_TEST_MONGODB_URL"], !url.isEmpty else { return nil }
        return url
    }

    static func location(folder: URL) -> StoreLocation {
        guard let base = mongoURL else { return .sqlite(path: folder.appendingPathComponent("parley.sqlite").path) }
        var components = URLComponents(string: base)
        components?.path = "/parley_http_\(UUID().uuidString.prefix(12).lowercased())"
        return .mongodb(url: components?.string ?? base)
    }

    /// Drops a test's MongoDB database; a SQLite file goes with the test's folder.
    static func discard(_ location: StoreLocation) async {
        guard case .mongodb(let url) = location,
            let store = try? await MongoStore.connect(url: url, logger: Logger(label: "parley-test-store"))
        else { return }
        _ = try? await store.connection.run { client in try client.writeCommand(["dropDatabase": 1]) }
        try? await store.close()
    }
}
