/// One collection's operations as async calls; each is one job on the connection's threads.
/// Stores use this and never see libmongoc or the thread pool.
struct MongoCollection: Sendable {
    let connection: MongoConnection
    let name: String

    func insertOne(_ document: BSONDocument) async throws {
        try await connection.run { [name] client in try client.insertOne(document, into: name) }
    }

    func insertMany(_ documents: [BSONDocument]) async throws {
        try await connection.run { [name] client in try client.insertMany(documents, into: name) }
    }

    func find(_ filter: BSONDocument, options: BSONDocument = [:]) async throws -> [BSONDocument] {
        try await connection.run { [name] client in try client.find(in: name, filter: filter, options: options) }
    }

    func findOne(_ filter: BSONDocument, options: BSONDocument = [:]) async throws -> BSONDocument? {
        var options = options
        options["limit"] = .int64(1)  // libmongoc documents limit as an int64 option
        options["singleBatch"] = true
        return try await find(filter, options: options).first
    }

    func findOneAndUpdate(_ filter: BSONDocument, update: BSONDocument, extra: BSONDocument = [:]) async throws
        -> BSONDocument?
    {
        try await connection.run { [name] client in
            try client.findOneAndUpdate(in: name, filter: filter, update: update, extra: extra)
        }
    }

    /// The whole findAndModify reply of an upsert (see `MongoClient.findOneAndUpsert`).
    func findOneAndUpsert(_ filter: BSONDocument, update: BSONDocument) async throws -> BSONDocument {
        try await connection.run { [name] client in
            try client.findOneAndUpsert(in: name, filter: filter, update: update)
        }
    }

    func findOneAndDelete(_ filter: BSONDocument) async throws -> BSONDocument? {
        try await connection.run { [name] client in try client.findOneAndDelete(in: name, filter: filter) }
    }

    func aggregate(_ pipeline: [BSONValue], options: BSONDocument = [:]) async throws -> [BSONDocument] {
        try await connection.run { [name] client in try client.aggregate(in: name, pipeline: pipeline, options: options) }
    }

    /// Inserts or replaces one whole document.
    func upsertOne(_ filter: BSONDocument, replacement: BSONDocument) async throws {
        _ = try await connection.run { [name] client in
            try client.replaceOne(in: name, filter: filter, replacement: replacement, upsert: true)
        }
    }

    func updateOne(_ filter: BSONDocument, update: BSONDocument) async throws -> MongoUpdateResult {
        try await connection.run { [name] client in try client.updateOne(in: name, filter: filter, update: update) }
    }

    func updateMany(_ filter: BSONDocument, update: BSONDocument) async throws -> MongoUpdateResult {
        try await connection.run { [name] client in try client.updateMany(in: name, filter: filter, update: update) }
    }

    func deleteOne(_ filter: BSONDocument) async throws -> Int {
        try await connection.run { [name] client in try client.deleteOne(in: name, filter: filter) }
    }

    func deleteMany(_ filter: BSONDocument) async throws -> Int {
        try await connection.run { [name] client in try client.deleteMany(in: name, filter: filter) }
    }

    /// Several counts in one job: one client and one thread hop for a whole dashboard.
    func countDocuments(each filters: [BSONDocument]) async throws -> [Int] {
        try await connection.run { [name] client in
            try filters.map { try client.countDocuments(in: name, filter: $0) }
        }
    }

    func countDocuments(_ filter: BSONDocument, options: BSONDocument = [:]) async throws -> Int {
        try await connection.run { [name] client in
            try client.countDocuments(in: name, filter: filter, options: options)
        }
    }
}
