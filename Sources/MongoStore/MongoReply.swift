import CMongoc

/// Runs one libmongoc call that fills a reply document and a `bson_error_t`.
enum MongoReply {
    /// `call` gets an initialised reply (`bson_t *`) and the error to fill, and returns
    /// libmongoc's success flag. The reply is read back either way: on failure it carries the
    /// server's details (write errors, the duplicate key's pattern) that the error mapping uses.
    static func perform(_ call: (OpaquePointer, UnsafeMutablePointer<bson_error_t>) -> Bool) throws -> BSONDocument {
        try NativeBSONStorage.with { reply in
            // Initialised here as well as by libmongoc so that destroying it is always valid,
            // even on an early error path that never touches it.
            bson_init(reply)
            defer { bson_destroy(reply) }
            var error = bson_error_t()
            let succeeded = call(reply, &error)
            let document = try BSONDocument(bson: reply)
            guard succeeded else { throw MongoFailure(error, reply: document) }
            return document
        }
    }
}
