import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoUploadStore` sends, built by pure functions.
enum UploadDocuments {
    static let collection = "uploads"

    /// Stored names are looked up by every info, delete and static request and must be unique;
    /// an owner's list (and their previous avatars) is read newest first.
    static let indexes: [MongoIndex] = [
        MongoIndex(collection: collection, keys: ["storedName": 1], name: "storedName_1", unique: true),
        MongoIndex(
            collection: collection, keys: ["ownerId": 1, "kind": 1, "createdAt": -1, "_id": -1],
            name: "ownerId_1_kind_1_createdAt_-1__id_-1"),
        MongoIndex(collection: collection, keys: ["sha256": 1], name: "sha256_1"),
    ]

    static func document(for upload: Upload) throws -> BSONDocument {
        try BSONEncoder().encode(UploadDocument(upload))
    }

    static func upload(from document: BSONDocument) throws -> Upload {
        do {
            return try BSONDecoder().decode(UploadDocument.self, from: document).upload
        } catch {
            throw StoreError.corrupt("uploads document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(storedName: String) -> BSONDocument {
        ["storedName": .string(storedName)]
    }

    static func filter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id)]
    }

    static func ownerFilter(ownerId: ObjectId, kind: UploadKind?) -> BSONDocument {
        var filter: BSONDocument = ["ownerId": .objectId(ownerId)]
        if let kind { filter["kind"] = .string(kind.rawValue) }
        return filter
    }

    /// Newest first; `_id` breaks ties between uploads of the same millisecond.
    static let listOptions: BSONDocument = ["sort": ["createdAt": -1, "_id": -1]]
}
