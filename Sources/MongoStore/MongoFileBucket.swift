import CMongoc
import ParleyCore

/// The database's GridFS bucket (`fs.files` / `fs.chunks`), for uploads that every node of a
/// cluster must be able to serve. Writes, look-ups and deletes go through libmongoc's bucket
/// API; reads fetch a few chunks per call (see `readChunks`). Each call is one job on the
/// store's thread pool that pops a client and pushes it back before it returns, as
/// `MongoConnection` requires.
public struct MongoFileBucket: Sendable {
    /// A stored file: what serving it needs.
    public struct File: Sendable, Equatable {
        public let id: ObjectId
        public let length: Int
        public let chunkSize: Int
    }

    static let filesCollection = "fs.files"
    static let chunksCollection = "fs.chunks"

    let connection: MongoConnection

    /// Streams the local file at `path` into the bucket under `filename` (libmongoc reads it
    /// chunk by chunk; the whole file is never in memory).
    public func upload(fileAt path: String, as filename: String) async throws {
        try await connection.run { client in
            try Self.withBucket(client) { bucket in
                guard let source = mongoc_stream_file_new_for_path(path, O_RDONLY, 0) else {
                    throw MongoFailure(domain: 0, code: 0, message: "cannot open \(path) for GridFS upload")
                }
                defer { mongoc_stream_destroy(source) }
                var error = bson_error_t()
                guard mongoc_gridfs_bucket_upload_from_stream(bucket, filename, source, nil, nil, &error) else {
                    throw MongoFailure(error, reply: nil)
                }
            }
        }
    }

    /// The newest file named `filename`, or nil.
    public func find(_ filename: String) async throws -> File? {
        try await connection.run { client in
            try Self.withBucket(client) { bucket in
                let filter: BSONDocument = ["filename": .string(filename)]
                let options: BSONDocument = ["sort": ["uploadDate": -1], "limit": 1]
                let documents = try filter.withBSON { filterBSON in
                    try options.withBSON { optionsBSON in
                        guard let cursor = mongoc_gridfs_bucket_find(bucket, filterBSON, optionsBSON) else {
                            throw MongoFailure(domain: 0, code: 0, message: "libmongoc returned no GridFS cursor")
                        }
                        defer { mongoc_cursor_destroy(cursor) }
                        return try MongoCursor.drain(cursor)
                    }
                }
                guard let document = documents.first, case .objectId(let id)? = document["_id"],
                    let length = document["length"]?.intValue, let chunkSize = document["chunkSize"]?.intValue, chunkSize > 0
                else { return nil }
                return File(id: id, length: length, chunkSize: chunkSize)
            }
        }
    }

    /// The data of chunks `range` of `file`, in order. The bucket's download stream reads
    /// the same `fs.chunks` documents, but it holds its client between reads while the HTTP
    /// response waits on a slow receiver, which would break the pool's no-deadlock rule; and it
    /// cannot seek, which byte ranges need. A missing chunk is corruption, not a short file.
    public func readChunks(of file: File, _ range: Range<Int>) async throws -> [[UInt8]] {
        try await connection.run { client in
            let filter: BSONDocument = ["files_id": .objectId(file.id), "n": ["$gte": .int(range.lowerBound), "$lt": .int(range.upperBound)]]
            let options: BSONDocument = ["sort": ["n": 1]]
            guard let collection = mongoc_client_get_collection(client.pointer, client.databaseName, Self.chunksCollection) else {
                throw MongoFailure(domain: 0, code: 0, message: "libmongoc returned no collection")
            }
            defer { mongoc_collection_destroy(collection) }
            let chunks = try filter.withBSON { filterBSON in
                try options.withBSON { optionsBSON in
                    guard let cursor = mongoc_collection_find_with_opts(collection, filterBSON, optionsBSON, nil) else {
                        throw MongoFailure(domain: 0, code: 0, message: "libmongoc returned no cursor")
                    }
                    defer { mongoc_cursor_destroy(cursor) }
                    return try Self.chunkData(cursor)
                }
            }
            guard chunks.count == range.count else {
                throw MongoFailure(
                    domain: 0, code: 0, message: "GridFS file \(file.id) has \(chunks.count) of chunks \(range) (corrupt)")
            }
            return chunks
        }
    }

    /// Deletes every file named `filename` (with its chunks); a name not there is no error.
    public func delete(_ filename: String) async throws {
        try await connection.run { client in
            try Self.withBucket(client) { bucket in
                let filter: BSONDocument = ["filename": .string(filename)]
                let documents = try filter.withBSON { filterBSON in
                    guard let cursor = mongoc_gridfs_bucket_find(bucket, filterBSON, nil) else {
                        throw MongoFailure(domain: 0, code: 0, message: "libmongoc returned no GridFS cursor")
                    }
                    defer { mongoc_cursor_destroy(cursor) }
                    return try MongoCursor.drain(cursor)
                }
                for document in documents {
                    guard let id = document["_id"] else { continue }
                    try Self.withValue(id) { value in
                        var error = bson_error_t()
                        // A file another node removed in between is "not found": already gone.
                        if !mongoc_gridfs_bucket_delete_by_id(bucket, value, &error),
                            error.code != MONGOC_ERROR_GRIDFS_BUCKET_FILE_NOT_FOUND.rawValue
                        {
                            throw MongoFailure(error, reply: nil)
                        }
                    }
                }
            }
        }
    }

    /// How many files and bytes the bucket holds.
    public func usage() async throws -> (files: Int, bytes: Int) {
        let pipeline: [BSONValue] = [["$group": ["_id": .null, "files": ["$sum": 1], "bytes": ["$sum": "$length"]]]]
        let result = try await connection.run { client in
            try client.aggregate(in: Self.filesCollection, pipeline: pipeline, options: [:])
        }
        guard let totals = result.first else { return (0, 0) }
        return (totals["files"]?.intValue ?? 0, totals["bytes"]?.intValue ?? 0)
    }

    /// Removes every file and chunk; returns how many files there were.
    public func removeAll() async throws -> Int {
        let files = try await MongoCollection(connection: connection, name: Self.filesCollection).deleteMany([:])
        _ = try await MongoCollection(connection: connection, name: Self.chunksCollection).deleteMany([:])
        return files
    }

    private static func withBucket<Result>(_ client: MongoClient, _ body: (OpaquePointer) throws -> Result) throws -> Result {
        guard let database = mongoc_client_get_database(client.pointer, client.databaseName) else {
            throw MongoFailure(domain: 0, code: 0, message: "libmongoc returned no database")
        }
        defer { mongoc_database_destroy(database) }
        var error = bson_error_t()
        guard let bucket = mongoc_gridfs_bucket_new(database, nil, nil, &error) else { throw MongoFailure(error, reply: nil) }
        defer { mongoc_gridfs_bucket_destroy(bucket) }
        return try body(bucket)
    }

    /// The `data` of each chunk document, read with libbson directly: binary is not one of
    /// the `BSONValue` kinds.
    private static func chunkData(_ cursor: OpaquePointer) throws -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var current: OpaquePointer?
        while mongoc_cursor_next(cursor, &current) {
            guard let current else { continue }
            let data = try NativeBSONStorage.with { iterator -> [UInt8] in
                guard bson_iter_init_find(iterator, current, "data"), bson_iter_type(iterator) == BSON_TYPE_BINARY else {
                    throw MongoFailure(domain: 0, code: 0, message: "GridFS chunk without binary data")
                }
                var subtype = bson_subtype_t(0)
                var length: UInt32 = 0
                var bytes: UnsafePointer<UInt8>?
                bson_iter_binary(iterator, &subtype, &length, &bytes)
                return bytes.map { Array(UnsafeBufferPointer(start: $0, count: Int(length))) } ?? []
            }
            chunks.append(data)
        }
        try checkCursor(cursor)
        return chunks
    }

    /// Hands `value` to `body` as the `bson_value_t *` libmongoc's by-id calls take.
    private static func withValue<Result>(_ value: BSONValue, _ body: (UnsafePointer<bson_value_t>) throws -> Result) throws -> Result {
        let holder: BSONDocument = ["v": value]
        return try holder.withBSON { bson in
            try NativeBSONStorage.with { iterator in
                guard bson_iter_init_find(iterator, bson, "v"), let pointer = bson_iter_value(iterator) else {
                    throw MongoFailure(domain: 0, code: 0, message: "could not read back a GridFS file id")
                }
                return try body(pointer)
            }
        }
    }

    private static func checkCursor(_ cursor: OpaquePointer) throws {
        var error = bson_error_t()
        var reply: OpaquePointer?
        if mongoc_cursor_error_document(cursor, &error, &reply) {
            throw MongoFailure(error, reply: try reply.map { try BSONDocument(bson: $0) })
        }
    }
}
