import Hummingbird
import Logging
import MongoStore
import NIOCore

/// Uploads kept in the MongoDB database's GridFS bucket under `<folder>/<name>`, so that any
/// node of a cluster serves a file uploaded through another. The checked file still arrives in
/// the local `.tmp/` first (libmagic and libvips read files), then streams into GridFS.
struct GridFSUploadStorage: UploadStorage {
    /// Chunks fetched per database round trip while serving: about 1 MiB with the default
    /// 255 KiB chunks, so memory per response stays bounded whatever the file's size.
    static let chunksPerRead = 4

    let bucket: MongoFileBucket
    /// For removing the temporary file once it is in GridFS.
    let folder: UploadFolder
    let logger: Logger

    func store(_ path: String, as key: UploadFileKey) async throws {
        do {
            try await bucket.upload(fileAt: path, as: key.path)
        } catch {
            await folder.remove([path])
            throw error
        }
        await folder.remove([path])
    }

    func locate(_ key: UploadFileKey) async throws -> StoredUpload? {
        guard let file = try await bucket.find(key.path) else { return nil }
        return StoredUpload(size: file.length, location: .gridFS(file))
    }

    func body(of file: StoredUpload, range: ClosedRange<Int>?, context: some RequestContext) async throws -> ResponseBody {
        guard case .gridFS(let stored) = file.location else { throw UploadName.notFound }
        guard let range = range ?? (stored.length > 0 ? 0...(stored.length - 1) : nil) else { return ResponseBody() }
        return ResponseBody(contentLength: range.count) { [bucket] writer in
            var next = range.lowerBound
            while next <= range.upperBound {
                let first = next / stored.chunkSize
                let last = min(range.upperBound / stored.chunkSize, first + Self.chunksPerRead - 1)
                let chunks = try await bucket.readChunks(of: stored, first..<(last + 1))
                for (offset, chunk) in chunks.enumerated() {
                    let chunkStart = (first + offset) * stored.chunkSize
                    let from = max(next, chunkStart) - chunkStart
                    let to = min(range.upperBound + 1 - chunkStart, chunk.count)
                    guard from < to else { continue }
                    try await writer.write(ByteBuffer(bytes: chunk[from..<to]))
                    next = chunkStart + to
                }
                // A chunk shorter than the length promised: stop rather than loop forever.
                guard next == min((last + 1) * stored.chunkSize, range.upperBound + 1) else {
                    throw UploadStorageError.truncated(key: "\(stored.id)")
                }
            }
            try await writer.finish(nil)
        }
    }

    func remove(_ keys: [UploadFileKey]) async {
        for key in keys {
            do {
                try await bucket.delete(key.path)
            } catch {
                logger.warning(
                    "could not remove an upload from GridFS", metadata: ["file": .string(key.path), "error": .string("\(error)")])
            }
        }
    }

    func usage() async throws -> FolderUsage {
        let totals = try await bucket.usage()
        // The bytes live in the database; the file system shown is the local one that still
        // receives every body (`.tmp/`), the only disk this node fills with uploads.
        let fileSystem = try await folder.threadPool.runIfActive { [root = folder.root.path] in FolderUsage.fileSystem(of: root) }
        return FolderUsage(bytes: totals.bytes, files: totals.files, fileSystem: fileSystem)
    }

    func removeAll() async throws -> Int {
        try await bucket.removeAll()
    }
}
