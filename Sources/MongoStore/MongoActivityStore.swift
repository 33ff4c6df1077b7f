import Foundation
import ParleyCore
import ParleyStore

/// The activity and audit log on MongoDB, append-only. Documents and queries come from
/// `ActivityDocuments`.
struct MongoActivityStore: ActivityStore {
    let collection: MongoCollection

    func insert(_ entry: ActivityEntry) async throws {
        try await collection.insertOne(ActivityDocuments.document(for: entry))
    }

    func list(_ query: ActivityQuery) async throws -> Page<ActivityEntry> {
        let filter = ActivityDocuments.filter(for: query)
        async let documents = collection.find(filter, options: ActivityDocuments.listOptions(for: query.page))
        async let total = collection.countDocuments(filter)
        return Page(items: try await documents.map(ActivityDocuments.entry(from:)), total: try await total)
    }
}
