import CMongoc

/// A parsed MongoDB connection string (`mongoc_uri_t`) with Parley's defaults applied.
/// Used only inside a thread-pool job (or a test), like every libmongoc object.
final class MongoURI {
    let pointer: OpaquePointer

    init(_ url: String) throws {
        MongoLibrary.initialize()
        var error = bson_error_t()
        guard let uri = mongoc_uri_new_with_error(url, &error) else {
            throw MongoFailure(error, reply: nil).storeError
        }
        pointer = uri
        // libmongoc waits 30 s by default before declaring a server unreachable; requests
        // should fail well before a client gives up on them.
        if !mongoc_uri_has_option(uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS) {
            _ = mongoc_uri_set_option_as_int32(
                uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS, MongoStoreDefaults.serverSelectionTimeoutMS)
        }
    }

    deinit {
        mongoc_uri_destroy(pointer)
    }

    /// The database in the URL's path, or "parley" when there is none.
    var databaseName: String {
        guard let name = mongoc_uri_get_database(pointer), name.pointee != 0 else {
            return MongoStoreDefaults.databaseName
        }
        return String(cString: name)
    }

    var serverSelectionTimeoutMS: Int32 {
        mongoc_uri_get_option_as_int32(pointer, MONGOC_URI_SERVERSELECTIONTIMEOUTMS, 0)
    }
}
