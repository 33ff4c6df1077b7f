import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoAuthSessionStore` sends to the server, as pure functions.
enum AuthSessionDocuments {
    static let collection = "authSessions"

    /// `expiresAt` is a plain index, not a TTL one: expired sessions are removed by
    /// `deleteExpired`, on Parley's schedule, and stay visible until then.
    static let indexes: [MongoIndex] = [
        MongoIndex(collection: collection, keys: ["userId": 1], name: "userId_1"),
        MongoIndex(collection: collection, keys: ["expiresAt": 1], name: "expiresAt_1"),
    ]

    static func document(for session: AuthSession) throws -> BSONDocument {
        try BSONEncoder().encode(AuthSessionDocument(session))
    }

    static func session(from document: BSONDocument) throws -> AuthSession {
        do {
            return try BSONDecoder().decode(AuthSessionDocument.self, from: document).session
        } catch {
            throw StoreError.corrupt("authSessions document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id)]
    }

    static func touch(at date: Date) -> BSONDocument {
        ["$set": ["lastUsedAt": .date(date)]]
    }

    /// `revokedAt: null` matches a missing field too, so sessions written without it count
    /// as live. Revoking only unrevoked sessions keeps the first revocation time.
    static func revokeFilter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id), "revokedAt": nil]
    }

    static func revokeAllFilter(userId: ObjectId) -> BSONDocument {
        ["userId": .objectId(userId), "revokedAt": nil]
    }

    static func revoke(at date: Date) -> BSONDocument {
        ["$set": ["revokedAt": .date(date)]]
    }

    static func liveFilter(userId: ObjectId, at date: Date) -> BSONDocument {
        ["userId": .objectId(userId), "revokedAt": nil, "expiresAt": ["$gt": .date(date)]]
    }

    /// Newest first; `_id` breaks ties between sessions created in the same millisecond.
    static let liveOptions: BSONDocument = ["sort": ["createdAt": -1, "_id": -1]]

    static func expiredFilter(before date: Date) -> BSONDocument {
        ["expiresAt": ["$lt": .date(date)]]
    }
}
