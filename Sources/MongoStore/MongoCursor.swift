import CMongoc

/// Reads every document of a cursor into memory. Parley's queries are paged or bounded (a
/// user's sessions), so collecting the results is cheaper than handing a cursor across threads.
enum MongoCursor {
    static func drain(_ cursor: OpaquePointer) throws -> [BSONDocument] {
        var documents = [BSONDocument]()
        var current: OpaquePointer?
        while mongoc_cursor_next(cursor, &current) {
            guard let current else { continue }
            documents.append(try BSONDocument(bson: current))
        }
        var error = bson_error_t()
        var reply: OpaquePointer?
        // The cursor stops on the end of results and on a failure alike; only this tells them apart.
        if mongoc_cursor_error_document(cursor, &error, &reply) {
            let details = try reply.map { try BSONDocument(bson: $0) }
            throw MongoFailure(error, reply: details)
        }
        return documents
    }
}
