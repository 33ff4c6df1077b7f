import Foundation
import ParleyCore
import ParleyStore

/// Join requests on MongoDB. Documents and queries come from `GroupRequestDocuments`.
struct MongoGroupRequestStore: GroupRequestStore {
    let collection: MongoCollection
    /// Inserts wait for the partial unique index that allows one pending request per user and group.
    let indexes: IndexGate

    func insert(_ request: GroupRequest) async throws {
        let document = try GroupRequestDocuments.document(for: request)
        try await indexes.ensure()
        do {
            try await collection.insertOne(document)
        } catch {
            throw GroupRequestDocuments.mapError(error)
        }
    }

    func find(id: ObjectId) async throws -> GroupRequest? {
        try await collection.findOne(GroupRequestDocuments.filter(id: id)).map(GroupRequestDocuments.request(from:))
    }

    func list(_ query: GroupRequestQuery) async throws -> Page<GroupRequest> {
        guard let filter = GroupRequestDocuments.filter(for: query) else { return Page(items: [], total: 0) }
        async let documents = collection.find(filter, options: GroupRequestDocuments.listOptions(for: query))
        async let total = collection.countDocuments(filter)
        return Page(items: try await documents.map(GroupRequestDocuments.request(from:)), total: try await total)
    }

    func review(id: ObjectId, _ review: GroupRequestReview) async throws -> GroupRequest? {
        try await collection.findOneAndUpdate(
            GroupRequestDocuments.reviewFilter(id: id), update: GroupRequestDocuments.review(review)
        ).map(GroupRequestDocuments.request(from:))
    }

    func delete(id: ObjectId) async throws -> Bool {
        try await collection.deleteOne(GroupRequestDocuments.filter(id: id)) > 0
    }

    func counts(_ query: GroupRequestQuery) async throws -> GroupRequestCounts {
        guard let pipeline = GroupRequestDocuments.countsPipeline(for: query) else {
            return try GroupRequestDocuments.counts(from: [])
        }
        return try GroupRequestDocuments.counts(from: await collection.aggregate(pipeline))
    }
}
