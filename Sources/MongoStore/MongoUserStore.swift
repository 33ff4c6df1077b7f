import Foundation
import ParleyCore
import ParleyStore

/// The users aggregate on MongoDB. Documents and queries come from `UserDocuments`; this type
/// only sequences the calls.
struct MongoUserStore: UserStore {
    let collection: MongoCollection
    /// Writes wait for the unique indexes: without them a duplicate username would be accepted.
    let indexes: IndexGate

    func insert(_ user: User) async throws {
        let document = try UserDocuments.document(for: user)
        try await indexes.ensure()
        try await collection.insertOne(document)
    }

    func find(id: ObjectId) async throws -> User? {
        try await collection.findOne(UserDocuments.filter(id: id)).map(UserDocuments.user(from:))
    }

    func find(ids: [ObjectId]) async throws -> [User] {
        guard !ids.isEmpty else { return [] }
        return try await collection.find(UserDocuments.filter(ids: ids)).map(UserDocuments.user(from:))
    }

    func find(login: String) async throws -> User? {
        try await collection.findOne(UserDocuments.filter(login: login), options: UserDocuments.loginOptions)
            .map(UserDocuments.user(from:))
    }

    func update(id: ObjectId, _ changes: UserChanges, at date: Date) async throws -> User? {
        try await indexes.ensure()
        return try await collection.findOneAndUpdate(
            UserDocuments.filter(id: id), update: UserDocuments.update(changes, at: date)
        ).map(UserDocuments.user(from:))
    }

    func delete(id: ObjectId) async throws -> Bool {
        try await collection.deleteOne(UserDocuments.filter(id: id)) > 0
    }

    func list(_ query: UserQuery) async throws -> Page<User> {
        let filter = UserDocuments.filter(for: query)
        // Two jobs rather than one: they may run on two threads at once.
        async let documents = collection.find(filter, options: UserDocuments.listOptions(for: query.page))
        async let total = collection.countDocuments(filter)
        return Page(items: try await documents.map(UserDocuments.user(from:)), total: try await total)
    }

    func count(role: Role) async throws -> Int {
        try await collection.countDocuments(UserDocuments.filter(role: role))
    }

    func counts(activeSince: Date, createdSince: Date) async throws -> UserCounts {
        let counts = try await collection.countDocuments(
            each: UserDocuments.countFilters(activeSince: activeSince, createdSince: createdSince))
        guard counts.count == 6 else { throw StoreError.corrupt("expected 6 user counts, got \(counts.count)") }
        return UserCounts(
            total: counts[0], active: counts[1], recentlyActive: counts[2], createdSince: counts[3],
            superAdmins: counts[4], groupAdmins: counts[5])
    }
}
