import CMongoc

/// Owns a `mongoc_client_pool_t`.
///
/// `@unchecked Sendable` because libmongoc documents the pool as thread-safe (pop and push may
/// be called from any thread), while each popped client is used by one job on one thread only.
final class MongoClientPool: @unchecked Sendable {
    let pointer: OpaquePointer
    let databaseName: String

    /// Parses the URL and creates the pool. Resolving a `mongodb+srv` URL does DNS look-ups, so
    /// this runs on the store's thread pool like every other libmongoc call.
    init(url: String, maxSize: Int) throws {
        let uri = try MongoURI(url)
        var error = bson_error_t()
        guard let pool = mongoc_client_pool_new_with_error(uri.pointer, &error) else {
            throw MongoFailure(error, reply: nil).storeError
        }
        // Version 2 reports server errors in MONGOC_ERROR_SERVER with the server's own code,
        // which is what the duplicate-key mapping reads. Both settings must precede the first pop.
        mongoc_client_pool_set_error_api(pool, MONGOC_ERROR_API_VERSION_2)
        mongoc_client_pool_set_appname(pool, MongoStoreDefaults.appName)
        // As many clients as threads: see MongoConnection for why this cannot deadlock.
        mongoc_client_pool_max_size(pool, UInt32(clamping: maxSize))
        self.pointer = pool
        self.databaseName = uri.databaseName
    }

    /// Only after every job that could hold a client has finished (see `MongoConnection.close`).
    func destroy() {
        mongoc_client_pool_destroy(pointer)
    }
}
