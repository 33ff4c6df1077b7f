import Foundation
import Logging
import Testing

@testable import ParleyServer

/// `clear-database` on MongoDB with uploads in GridFS: the bucket is part of the database and is
/// emptied with it, or files would outlive the records that name them.
@Suite("clear-database empties GridFS")
struct GridFSClearTests {
    @Test(.enabled(if: TestStore.mongoURL != nil, "needs PARLEY_TEST_MONGODB_URL (scripts/test-mongo)"))
    func clearingTheDatabaseRemovesTheStoredUploads() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parley-gridfs-clear-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let location = TestStore.location(folder: root)
        guard case .mongodb(let url) = location else { return }
        var configuration = TestApp.configuration(folder: root)
        configuration.store = location
        configuration.uploadStorage = .gridfs
        configuration.uploadDirectory = root.appendingPathComponent("uploads").path
        let stored = UploadDisk(root: root.appendingPathComponent("uploads"), gridFS: url)
        var logger = Logger(label: "parley-gridfs-clear")
        logger.logLevel = .warning
        do {
            let app = try await ApplicationBuilder.build(configuration: configuration, logger: logger)
            try await app.test(.live) { client in
                let api = APIClient(client: client)
                let alice = try await api.register("alice")
                _ = try await api.uploadImage("/api/upload/image", field: "image", token: alice.accessToken, format: "png", width: 64, height: 64)
                let file = try await api.upload(
                    "/api/upload/file", token: alice.accessToken, parts: [.file("file", "plan.pdf", "application/pdf", SampleFiles.pdf)])
                #expect(file.status == 200, "\(file.text)")
            }
            #expect(try await stored.everything().count == 3, "an image, its thumbnail and a PDF")
            let lines = try await ClearCommand.run(includingUploads: false, configuration: configuration, logger: logger)
            #expect(lines.contains("  uploads (GridFS): 3 files removed"), "\(lines)")
            #expect(try await stored.everything().isEmpty)
        } catch {
            await TestStore.discard(location)
            throw error
        }
        await TestStore.discard(location)
    }
}
