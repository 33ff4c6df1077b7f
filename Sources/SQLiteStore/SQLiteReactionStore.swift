import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Reactions in `message_reactions`, at most one per user and message (a unique key enforces it,
/// so two concurrent reactions by the same user cannot both be inserted).
struct SQLiteReactionStore: ReactionStore {
    let pool: DatabasePool

    func upsert(_ reaction: Reaction) async throws -> (reaction: Reaction, created: Bool) {
        let arguments: StatementArguments = [
            reaction.id.hexString, reaction.messageId.hexString, reaction.userId.hexString, reaction.username,
            reaction.reaction, SQLiteValues.millis(reaction.createdAt), SQLiteValues.millis(reaction.updatedAt),
        ]
        let messageId = reaction.messageId.hexString
        let userId = reaction.userId.hexString
        let result = try await pool.write { db -> (Reaction?, Bool) in
            // Looked up in the same transaction as the write, so `created` cannot be wrong even if
            // the caller retries with the same reaction id. A replaced reaction keeps its id and
            // createdAt.
            let existed = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM message_reactions WHERE messageId = ? AND userId = ?", arguments: [messageId, userId]
            ) ?? false
            let stored = try SQLiteValues.mappingDuplicates {
                try Row.fetchOne(
                    db,
                    sql: """
                        INSERT INTO message_reactions (id, messageId, userId, username, reaction, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (messageId, userId) DO UPDATE SET
                            reaction = excluded.reaction, username = excluded.username, updatedAt = excluded.updatedAt
                        RETURNING *
                        """,
                    arguments: arguments
                ).map(Self.reaction(from:))
            }
            return (stored, !existed)
        }
        guard let stored = result.0 else { throw StoreError.corrupt("upsert of reaction \(reaction.id) returned no row") }
        return (stored, result.1)
    }

    func remove(messageId: ObjectId, userId: ObjectId) async throws -> Reaction? {
        try await pool.write { db in
            try Row.fetchOne(
                db, sql: "DELETE FROM message_reactions WHERE messageId = ? AND userId = ? RETURNING *",
                arguments: [messageId.hexString, userId.hexString]
            ).map(Self.reaction(from:))
        }
    }

    func find(messageId: ObjectId, userId: ObjectId) async throws -> Reaction? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM message_reactions WHERE messageId = ? AND userId = ?",
                arguments: [messageId.hexString, userId.hexString]
            ).map(Self.reaction(from:))
        }
    }

    func reactions(messageIds: [ObjectId]) async throws -> [Reaction] {
        guard !messageIds.isEmpty else { return [] }
        let list = try SQLiteValues.idList(messageIds)
        return try await pool.read { db in
            // rowid: insertion order among reactions made in the same millisecond.
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM message_reactions WHERE messageId IN (SELECT value FROM json_each(?))
                    ORDER BY createdAt, rowid
                    """,
                arguments: [list]
            ).map(Self.reaction(from:))
        }
    }

    static func reaction(from row: Row) throws -> Reaction {
        Reaction(
            id: try SQLiteValues.objectId(row, "id"),
            messageId: try SQLiteValues.objectId(row, "messageId"),
            userId: try SQLiteValues.objectId(row, "userId"),
            username: try row.decode(String.self, forColumn: "username"),
            reaction: try row.decode(String.self, forColumn: "reaction"),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "createdAt")),
            updatedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "updatedAt")))
    }
}
