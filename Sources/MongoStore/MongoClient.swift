import CMongoc

/// One popped `mongoc_client_t`, valid only inside the `MongoConnection.run` job that popped
/// it. The synchronous operations here are the only code that calls libmongoc's collection API;
/// each converts its arguments to `bson_t` and its reply back, and throws `MongoFailure`.
struct MongoClient {
    let pointer: OpaquePointer
    let databaseName: String

    func insertOne(_ document: BSONDocument, into collection: String) throws {
        try withCollection(collection, command: "insert") { handle in
            try document.withBSON { bson in
                // The reply only repeats the inserted count; failures arrive as MongoFailure.
                _ = try MongoReply.perform { reply, error in
                    mongoc_collection_insert_one(handle, bson, nil, reply, error)
                }
            }
        }
    }

    /// One `insert_many` for the whole batch (ordered: it stops at the first failure).
    func insertMany(_ documents: [BSONDocument], into collection: String) throws {
        guard !documents.isEmpty else { return }
        // Every document is converted before the call and freed after it: libmongoc borrows them.
        var handles: [OpaquePointer?] = []
        handles.reserveCapacity(documents.count)
        defer { for case let handle? in handles { bson_destroy(handle) } }
        for document in documents {
            guard let bson = bson_new() else { throw BSONError.appendFailed(key: "") }
            handles.append(bson)
            try BSONWriter.append(document, to: bson)
        }
        try withCollection(collection, command: "insert") { handle in
            try handles.withUnsafeMutableBufferPointer { buffer in
                _ = try MongoReply.perform { reply, error in
                    mongoc_collection_insert_many(handle, buffer.baseAddress, buffer.count, nil, reply, error)
                }
            }
        }
    }

    /// `options` are find options: sort, skip, limit, collation, projection.
    func find(in collection: String, filter: BSONDocument, options: BSONDocument) throws -> [BSONDocument] {
        try withCollection(collection, command: "find") { handle in
            try filter.withBSON { filterBSON in
                try options.withBSON { optionsBSON in
                    guard let cursor = mongoc_collection_find_with_opts(handle, filterBSON, optionsBSON, nil) else {
                        throw MongoFailure(domain: 0, code: 0, message: "libmongoc returned no cursor")
                    }
                    defer { mongoc_cursor_destroy(cursor) }
                    return try MongoCursor.drain(cursor)
                }
            }
        }
    }

    /// findAndModify returning the document after the update, or nil when nothing matched.
    /// `extra` holds further command fields such as `arrayFilters`.
    func findOneAndUpdate(
        in collection: String, filter: BSONDocument, update: BSONDocument, extra: BSONDocument = [:]
    ) throws -> BSONDocument? {
        // The reply is {value: <document or null>, lastErrorObject: …, ok: 1}.
        let reply = try findAndModify(
            in: collection, filter: filter, update: update, flags: MONGOC_FIND_AND_MODIFY_RETURN_NEW, extra: extra)
        return reply["value"]?.documentValue
    }

    /// findAndModify with `upsert`, returning the whole reply: the caller needs
    /// `lastErrorObject.updatedExisting` to tell an insert from an update, as well as `value`.
    func findOneAndUpsert(in collection: String, filter: BSONDocument, update: BSONDocument) throws -> BSONDocument {
        let flags = mongoc_find_and_modify_flags_t(
            MONGOC_FIND_AND_MODIFY_RETURN_NEW.rawValue | MONGOC_FIND_AND_MODIFY_UPSERT.rawValue)
        return try findAndModify(in: collection, filter: filter, update: update, flags: flags, extra: [:])
    }

    /// findAndModify with `remove`: deletes one matching document and returns it, nil when none matched.
    func findOneAndDelete(in collection: String, filter: BSONDocument) throws -> BSONDocument? {
        let reply = try findAndModify(
            in: collection, filter: filter, update: nil, flags: MONGOC_FIND_AND_MODIFY_REMOVE, extra: [:])
        return reply["value"]?.documentValue
    }

    private func findAndModify(
        in collection: String, filter: BSONDocument, update: BSONDocument?, flags: mongoc_find_and_modify_flags_t,
        extra: BSONDocument
    ) throws -> BSONDocument {
        try withCollection(collection, command: "findAndModify") { handle in
            guard let options = mongoc_find_and_modify_opts_new() else {
                throw MongoFailure(domain: 0, code: 0, message: "could not allocate findAndModify options")
            }
            defer { mongoc_find_and_modify_opts_destroy(options) }
            if let update {
                let accepted = try update.withBSON { updateBSON in mongoc_find_and_modify_opts_set_update(options, updateBSON) }
                guard accepted else { throw MongoFailure(domain: 0, code: 0, message: "invalid findAndModify update") }
            }
            return try extra.withBSON { extraBSON in
                guard mongoc_find_and_modify_opts_set_flags(options, flags),
                    extra.isEmpty || mongoc_find_and_modify_opts_append(options, extraBSON)
                else { throw MongoFailure(domain: 0, code: 0, message: "invalid findAndModify options") }
                return try filter.withBSON { filterBSON in
                    try MongoReply.perform { reply, error in
                        mongoc_collection_find_and_modify_with_opts(handle, filterBSON, options, reply, error)
                    }
                }
            }
        }
    }

    /// Runs an aggregation and collects its results. `pipeline` is the array of stages.
    func aggregate(in collection: String, pipeline: [BSONValue], options: BSONDocument) throws -> [BSONDocument] {
        try withCollection(collection, command: "aggregate") { handle in
            // libmongoc takes the stages either as an array-shaped bson_t or as {pipeline: [...]};
            // the second needs no array keys built by hand.
            let wrapped: BSONDocument = ["pipeline": .array(pipeline)]
            return try wrapped.withBSON { pipelineBSON in
                try options.withBSON { optionsBSON in
                    guard let cursor = mongoc_collection_aggregate(handle, MONGOC_QUERY_NONE, pipelineBSON, optionsBSON, nil)
                    else {
                        throw MongoFailure(domain: 0, code: 0, message: "libmongoc returned no aggregation cursor")
                    }
                    defer { mongoc_cursor_destroy(cursor) }
                    return try MongoCursor.drain(cursor)
                }
            }
        }
    }

    /// Replaces the document matching `filter`, inserting it when none does (`upsert`).
    func replaceOne(in collection: String, filter: BSONDocument, replacement: BSONDocument, upsert: Bool) throws
        -> MongoUpdateResult
    {
        try withCollection(collection, command: "update") { handle in
            let options: BSONDocument = ["upsert": .bool(upsert)]
            let reply = try filter.withBSON { filterBSON in
                try replacement.withBSON { replacementBSON in
                    try options.withBSON { optionsBSON in
                        try MongoReply.perform { reply, error in
                            mongoc_collection_replace_one(handle, filterBSON, replacementBSON, optionsBSON, reply, error)
                        }
                    }
                }
            }
            return MongoUpdateResult(reply: reply)
        }
    }

    func updateOne(in collection: String, filter: BSONDocument, update: BSONDocument) throws -> MongoUpdateResult {
        try self.update(collection, filter: filter, update: update, many: false)
    }

    func updateMany(in collection: String, filter: BSONDocument, update: BSONDocument) throws -> MongoUpdateResult {
        try self.update(collection, filter: filter, update: update, many: true)
    }

    /// Returns how many documents were deleted.
    func deleteOne(in collection: String, filter: BSONDocument) throws -> Int {
        try delete(collection, filter: filter, many: false)
    }

    func deleteMany(in collection: String, filter: BSONDocument) throws -> Int {
        try delete(collection, filter: filter, many: true)
    }

    func countDocuments(in collection: String, filter: BSONDocument, options: BSONDocument = [:]) throws -> Int {
        try withCollection(collection, command: "aggregate (count)") { handle in
            try filter.withBSON { filterBSON in
                try options.withBSON { optionsBSON in
                    var count: Int64 = -1
                    _ = try MongoReply.perform { reply, error in
                        count = mongoc_collection_count_documents(handle, filterBSON, optionsBSON, nil, reply, error)
                        return count >= 0
                    }
                    return Int(count)
                }
            }
        }
    }

    /// Runs a command that writes (createIndexes, …) against `database`, or the store's own.
    func writeCommand(_ command: BSONDocument, database: String? = nil) throws -> BSONDocument {
        try MongoFailure.labelled(command.keys.first ?? "command") {
            try command.withBSON { commandBSON in
                try MongoReply.perform { reply, error in
                    mongoc_client_write_command_with_opts(pointer, database ?? databaseName, commandBSON, nil, reply, error)
                }
            }
        }
    }

    /// Runs a read-only command such as `{ping: 1}`.
    func command(_ command: BSONDocument, database: String? = nil) throws -> BSONDocument {
        try MongoFailure.labelled(command.keys.first ?? "command") {
            try command.withBSON { commandBSON in
                try MongoReply.perform { reply, error in
                    mongoc_client_command_simple(pointer, database ?? databaseName, commandBSON, nil, reply, error)
                }
            }
        }
    }

    private func update(_ collection: String, filter: BSONDocument, update: BSONDocument, many: Bool) throws
        -> MongoUpdateResult
    {
        try withCollection(collection, command: "update") { handle in
            let reply = try filter.withBSON { filterBSON in
                try update.withBSON { updateBSON in
                    try MongoReply.perform { reply, error in
                        many
                            ? mongoc_collection_update_many(handle, filterBSON, updateBSON, nil, reply, error)
                            : mongoc_collection_update_one(handle, filterBSON, updateBSON, nil, reply, error)
                    }
                }
            }
            return MongoUpdateResult(reply: reply)
        }
    }

    private func delete(_ collection: String, filter: BSONDocument, many: Bool) throws -> Int {
        try withCollection(collection, command: "delete") { handle in
            let reply = try filter.withBSON { filterBSON in
                try MongoReply.perform { reply, error in
                    many
                        ? mongoc_collection_delete_many(handle, filterBSON, nil, reply, error)
                        : mongoc_collection_delete_one(handle, filterBSON, nil, reply, error)
                }
            }
            return reply["deletedCount"]?.intValue ?? 0
        }
    }

    /// `command` names the operation in the log line of a failure the server refused.
    private func withCollection<Result>(_ name: String, command: String, _ body: (OpaquePointer) throws -> Result)
        throws -> Result
    {
        try MongoFailure.labelled("\(command) on \(name)") {
            guard let handle = mongoc_client_get_collection(pointer, databaseName, name) else {
                throw MongoFailure(domain: 0, code: 0, message: "could not open collection \(name)")
            }
            defer { mongoc_collection_destroy(handle) }
            return try body(handle)
        }
    }
}
