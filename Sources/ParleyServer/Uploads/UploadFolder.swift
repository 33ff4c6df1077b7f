import Crypto
import Foundation
import NIOPosix
import ParleyCore

/// The upload root (`UPLOAD_DIR`) with `avatars/`, `images/` and `files/`, plus `.tmp/`
/// where bodies stream in before they are checked. `.tmp` sits on the same file system as
/// the folders, so a checked file is moved into place by a rename. Every operation that
/// touches the disk runs on the thread pool.
struct UploadFolder: Sendable {
    let root: URL
    let threadPool: NIOThreadPool

    init(root: String, threadPool: NIOThreadPool) {
        self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        self.threadPool = threadPool
    }

    func path(_ kind: UploadKind, _ name: String) -> String {
        root.appendingPathComponent(kind.folder).appendingPathComponent(name).path
    }

    var temporaryFolder: String { root.appendingPathComponent(".tmp").path }

    /// Creates the folders and empties `.tmp` of bodies a previous run left half-received.
    /// Runs once at start-up, before the server accepts requests.
    func prepare() throws {
        let manager = FileManager.default
        for kind in UploadKind.allCases {
            try manager.createDirectory(atPath: root.appendingPathComponent(kind.folder).path, withIntermediateDirectories: true)
        }
        try? manager.removeItem(atPath: temporaryFolder)
        try manager.createDirectory(atPath: temporaryFolder, withIntermediateDirectories: true)
    }

    /// A fresh path in `.tmp/` for a file Parley makes (an avatar's square, a thumbnail),
    /// ending in `name` so that libvips picks the format from its extension.
    func temporaryPath(for name: String) -> String {
        (temporaryFolder as NSString).appendingPathComponent(UUID().uuidString + "-" + name)
    }

    /// A new, empty temporary file, open for writing.
    func createTemporaryFile() async throws -> TemporaryFile {
        let path = (temporaryFolder as NSString).appendingPathComponent(UUID().uuidString + ".part")
        return try await threadPool.runIfActive { try TemporaryFile(creatingAt: path) }
    }

    func move(_ source: String, to destination: String) async throws {
        try await threadPool.runIfActive { try FileManager.default.moveItem(atPath: source, toPath: destination) }
    }

    /// Removes files that may or may not exist; a file already gone is not an error.
    func remove(_ paths: [String]) async {
        _ = try? await threadPool.runIfActive {
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Size and modification date, or nil when there is no regular file at `path`.
    func attributes(of path: String) async throws -> (size: Int, modified: Date)? {
        try await threadPool.runIfActive {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { return nil }
            return ((attributes[.size] as? NSNumber)?.intValue ?? 0, attributes[.modificationDate] as? Date ?? Date())
        }
    }

    /// Size and lowercase hex SHA-256 of a file, read in 1 MiB pieces.
    func digest(of path: String) async throws -> (size: Int, sha256: String) {
        try await threadPool.runIfActive {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            defer { try? handle.close() }
            var hasher = SHA256()
            var size = 0
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                size += chunk.count
            }
            return (size, hasher.finalize().map { String(format: "%02x", $0) }.joined())
        }
    }
}
