import Foundation
@testable import MongoStore
@testable import ParleyServer

/// A test app whose stored uploads the test can look at, with limits of its choosing. On
/// MongoDB (`PARLEY_TEST_MONGODB_URL`) uploads go to GridFS, the default there; on SQLite to
/// the upload folder.
enum UploadTestApp {
    static func run(
        limits: UploadLimits = UploadLimits(), jsonBodyLimit: Int? = nil, logs: LogCapture? = nil,
        _ body: @Sendable (APIClient, UploadDisk) async throws -> Void
    ) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-uploads-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let location = TestStore.location(folder: root)
        var gridFS: String?
        if case .mongodb(let url) = location { gridFS = url }
        try await TestApp.run(configure: { configuration in
            configuration.store = location
            configuration.uploadStorage = UploadStorageKind.defaultKind(for: location)
            configuration.uploadDirectory = root.path
            configuration.uploadLimits = limits
            if logs != nil { configuration.logLevel = .info }
            if let jsonBodyLimit { configuration.jsonBodyLimit = jsonBodyLimit }
        }, logs: logs) { [gridFS] api in
            try await body(api, UploadDisk(root: root, gridFS: gridFS))
        }
    }
}

/// What is stored: the files under the upload root and, when uploads go to GridFS, the files
/// of the test database's bucket (named `<folder>/<name>` there).
struct UploadDisk: Sendable {
    let root: URL
    /// The test database's URL when uploads are kept in its GridFS bucket.
    let gridFS: String?

    /// Stored files of a folder (`avatars`, `images`, `files`, `.tmp`), by name.
    func files(in folder: String) async throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        let stored = try await gridFSNames().compactMap { $0.hasPrefix(folder + "/") ? String($0.dropFirst(folder.count + 1)) : nil }
        return (names.filter { $0 != ".gitkeep" } + stored).sorted()
    }

    /// Every stored file, as `folder/name`: a refused request must leave this unchanged.
    func everything() async throws -> [String] {
        var all: [String] = []
        for folder in ["avatars", "images", "files", ".tmp"] {
            all += try await files(in: folder).map { "\(folder)/\($0)" }
        }
        return all
    }

    /// The file names in the bucket's `fs.files`, read directly from the database.
    private func gridFSNames() async throws -> [String] {
        guard let gridFS else { return [] }
        let connection = try await MongoConnection.open(url: gridFS, threads: 1)
        do {
            let documents = try await connection.run { client in
                try client.find(in: "fs.files", filter: [:], options: ["projection": ["filename": 1]])
            }
            try await connection.close()
            return documents.compactMap { $0["filename"]?.stringValue }
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
