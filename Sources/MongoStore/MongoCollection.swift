/// One collection's operations as async calls; each is one job on the connection's threads.
/// Stores use this and never see libmongoc or the thread pool.
struct MongoCollection: Sendable {
    let connection: MongoConnection
    let name: String

    func insertOne(_ document: BSONDocument) async throws {
        try await connection.run { [name] client in try client.insertOne(document, into: name) }
    }

    func find(_ filter: BSONDocument, options: BSONDocument = [:]) async throws -> [BSONDocument] {
        try await connection.run { [name] client in try client.find(in: name, filter: filter, options: options) }
    }

    func findOne(_ filter: BSONDocument, options: BSONDocument = [:]) async throws -> BSONDocument? {
        var options = options
        options["limit"] = 1
        options["singleBatch"] = true
        return try await find(filter, options: options).first
    }

    func findOneAndUpdate(_ filter: BSONDocument, update: BSONDocument) async throws -> BSONDocument? {
        try await connection.run { [name] client in
            try client.findOneAndUpdate(in: name, filter: filter, update: update)
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

    func countDocuments(_ filter: BSONDocument, options: BSONDocument = [:]) async throws -> Int {
        try await connection.run { [name] client in
            try client.countDocuments(in: name, filter: filter, options: options)
        }
    }
}
