import Foundation
@testable import ParleyServer

/// A test app whose upload folder the test can look into, with limits of its choosing.
enum UploadTestApp {
    static func run(
        limits: UploadLimits = UploadLimits(), jsonBodyLimit: Int? = nil, logs: LogCapture? = nil,
        _ body: @Sendable (APIClient, UploadDisk) async throws -> Void
    ) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-uploads-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try await TestApp.run(configure: { configuration in
            configuration.uploadDirectory = root.path
            configuration.uploadLimits = limits
            if logs != nil { configuration.logLevel = .info }
            if let jsonBodyLimit { configuration.jsonBodyLimit = jsonBodyLimit }
        }, logs: logs) { api in
            try await body(api, UploadDisk(root: root))
        }
    }
}

/// What is on disk under the upload root.
struct UploadDisk: Sendable {
    let root: URL

    /// Files in a folder (`avatars`, `images`, `files`, `.tmp`), by name.
    func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0 != ".gitkeep" }.sorted()
    }

    /// Every file in every folder, as `folder/name`: a refused request must leave this unchanged.
    var everything: [String] {
        ["avatars", "images", "files", ".tmp"].flatMap { folder in files(in: folder).map { "\(folder)/\($0)" } }
    }
}
