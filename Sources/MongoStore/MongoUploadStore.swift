import Foundation
import ParleyCore
import ParleyStore

/// Upload metadata on MongoDB. Documents and queries come from `UploadDocuments`.
struct MongoUploadStore: UploadStore {
    let collection: MongoCollection
    let indexes: IndexGate

    func insert(_ upload: Upload) async throws {
        // The unique index on storedName must exist before the first write relies on it.
        try await indexes.ensure()
        try await collection.insertOne(UploadDocuments.document(for: upload))
    }

    func find(storedName: String) async throws -> Upload? {
        try await collection.findOne(UploadDocuments.filter(storedName: storedName)).map(UploadDocuments.upload(from:))
    }

    func list(ownerId: ObjectId, kind: UploadKind?) async throws -> [Upload] {
        try await collection.find(UploadDocuments.ownerFilter(ownerId: ownerId, kind: kind), options: UploadDocuments.listOptions)
            .map(UploadDocuments.upload(from:))
    }

    func delete(id: ObjectId) async throws -> Bool {
        try await collection.deleteOne(UploadDocuments.filter(id: id)) > 0
    }
}
