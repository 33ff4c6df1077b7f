import Hummingbird

/// Where checked upload files live once they are accepted: a folder on this machine
/// (`DiskUploadStorage`) or the MongoDB database's GridFS bucket (`GridFSUploadStorage`), which
/// every node of a cluster reaches. Records, permissions and headers stay with `UploadService`
/// and `UploadFileResponder`; a storage only keeps bytes under a key.
protocol UploadStorage: Sendable {
    /// Takes the checked file at `path` into storage under `key`. The file at `path` is gone
    /// afterwards (moved or copied, then removed).
    func store(_ path: String, as key: UploadFileKey) async throws

    /// The stored file, or nil when nothing is stored under `key`.
    func locate(_ key: UploadFileKey) async throws -> StoredUpload?

    /// The bytes of `file` in `range` (nil: all of it), streamed: never the whole file in memory.
    func body(of file: StoredUpload, range: ClosedRange<Int>?, context: some RequestContext) async throws -> ResponseBody

    /// Removes what is stored under `keys`; keys with nothing stored are no error, and a
    /// failure is logged, since the record is already gone.
    func remove(_ keys: [UploadFileKey]) async

    /// Files and bytes stored, for the admin statistics.
    func usage() async throws -> FolderUsage

    /// Removes every stored file (`clear-database --uploads`); returns how many.
    func removeAll() async throws -> Int
}
