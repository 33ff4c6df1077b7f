import Foundation
import ParleyCore
import ParleyStore

/// The signed-in sessions on MongoDB. Documents and queries come from `AuthSessionDocuments`.
struct MongoAuthSessionStore: AuthSessionStore {
    let collection: MongoCollection

    func insert(_ session: AuthSession) async throws {
        try await collection.insertOne(AuthSessionDocuments.document(for: session))
    }

    func find(id: ObjectId) async throws -> AuthSession? {
        try await collection.findOne(AuthSessionDocuments.filter(id: id)).map(AuthSessionDocuments.session(from:))
    }

    /// Matched rather than modified: touching twice in the same millisecond changes nothing
    /// but the session still exists.
    func touch(id: ObjectId, at date: Date) async throws -> Bool {
        try await collection.updateOne(AuthSessionDocuments.filter(id: id), update: AuthSessionDocuments.touch(at: date))
            .matchedCount > 0
    }

    func revoke(id: ObjectId, at date: Date) async throws -> Bool {
        try await collection.updateOne(
            AuthSessionDocuments.revokeFilter(id: id), update: AuthSessionDocuments.revoke(at: date)
        ).modifiedCount > 0
    }

    func revokeAll(userId: ObjectId, at date: Date) async throws -> Int {
        try await collection.updateMany(
            AuthSessionDocuments.revokeAllFilter(userId: userId), update: AuthSessionDocuments.revoke(at: date)
        ).modifiedCount
    }

    func liveSessions(userId: ObjectId, at date: Date) async throws -> [AuthSession] {
        try await collection.find(
            AuthSessionDocuments.liveFilter(userId: userId, at: date), options: AuthSessionDocuments.liveOptions
        ).map(AuthSessionDocuments.session(from:))
    }

    func deleteExpired(before date: Date) async throws -> Int {
        try await collection.deleteMany(AuthSessionDocuments.expiredFilter(before: date))
    }
}
