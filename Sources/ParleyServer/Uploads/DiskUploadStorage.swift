import Foundation
import Hummingbird

/// Uploads kept under `UPLOAD_DIR` (`avatars/`, `images/`, `files/`): the single-node and
/// SQLite storage. Files arrive by a rename from `.tmp/` on the same file system.
struct DiskUploadStorage: UploadStorage {
    let folder: UploadFolder
    let fileIO: FileIO

    init(folder: UploadFolder) {
        self.folder = folder
        self.fileIO = FileIO(threadPool: folder.threadPool)
    }

    func store(_ path: String, as key: UploadFileKey) async throws {
        try await folder.move(path, to: folder.path(key.kind, key.name))
    }

    func locate(_ key: UploadFileKey) async throws -> StoredUpload? {
        let path = folder.path(key.kind, key.name)
        guard let attributes = try await folder.attributes(of: path) else { return nil }
        return StoredUpload(size: attributes.size, location: .disk(path: path))
    }

    func body(of file: StoredUpload, range: ClosedRange<Int>?, context: some RequestContext) async throws -> ResponseBody {
        guard case .disk(let path) = file.location else { throw UploadName.notFound }
        guard let range else { return try await fileIO.loadFile(path: path, context: context) }
        return try await fileIO.loadFile(path: path, range: range, context: context)
    }

    func remove(_ keys: [UploadFileKey]) async {
        await folder.remove(keys.map { folder.path($0.kind, $0.name) })
    }

    func usage() async throws -> FolderUsage {
        try await folder.threadPool.runIfActive { [root = folder.root.path] in FolderUsage.measure(root) }
    }

    func removeAll() async throws -> Int {
        try await folder.threadPool.runIfActive { [root = folder.root.path] in try UploadFolderCleaner.clear(folder: root) }
    }
}
