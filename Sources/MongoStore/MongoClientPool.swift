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
        var error = bson_error_t()
        guard let uri = mongoc_uri_new_with_error(url, &error) else {
            throw MongoFailure(error, reply: nil).storeError
        }
        defer { mongoc_uri_destroy(uri) }

        // libmongoc waits 30 s by default before declaring a server unreachable; requests
        // should fail well before a client gives up on them.
        if !mongoc_uri_has_option(uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS) {
            mongoc_uri_set_option_as_int32(uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS, MongoStoreDefaults.serverSelectionTimeoutMS)
        }

        guard let pool = mongoc_client_pool_new_with_error(uri, &error) else {
            throw MongoFailure(error, reply: nil).storeError
        }
        // Version 2 reports server errors in MONGOC_ERROR_SERVER with the server's own code,
        // which is what the duplicate-key mapping reads.
        mongoc_client_pool_set_error_api(pool, MONGOC_ERROR_API_VERSION_2)
        mongoc_client_pool_set_appname(pool, MongoStoreDefaults.appName)
        mongoc_client_pool_max_size(pool, UInt32(clamping: maxSize))

        self.pointer = pool
        if let name = mongoc_uri_get_database(uri), name.pointee != 0 {
            self.databaseName = String(cString: name)
        } else {
            self.databaseName = MongoStoreDefaults.databaseName
        }
    }

    /// Only after every job that could hold a client has finished (see `MongoConnection.close`).
    func destroy() {
        mongoc_client_pool_destroy(pointer)
    }
}
