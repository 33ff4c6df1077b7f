import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Calls in `video_calls`.
struct SQLiteVideoCallStore: VideoCallStore {
    let pool: DatabasePool

    func insert(_ call: VideoCall) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO video_calls (id, callerId, receiverId, callerName, receiverName, channelId, status, callType,
                        startTime, answerTime, endTime, duration, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    call.id.hexString, call.callerId.hexString, call.receiverId.hexString, call.callerName, call.receiverName,
                    call.channelId?.hexString, call.status.rawValue, call.callType, SQLiteValues.millis(call.startTime),
                    call.answerTime.map(SQLiteValues.millis), call.endTime.map(SQLiteValues.millis), call.duration,
                    SQLiteValues.millis(call.createdAt), SQLiteValues.millis(call.updatedAt),
                ])
        }
    }

    func find(id: ObjectId) async throws -> VideoCall? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM video_calls WHERE id = ?", arguments: [id.hexString]).map(Self.call(from:))
        }
    }

    func transition(id: ObjectId, _ transition: CallTransition) async throws -> VideoCall? {
        try await pool.write { db in
            try Row.fetchOne(
                db,
                sql: """
                    UPDATE video_calls SET status = ?, updatedAt = ?,
                        answerTime = COALESCE(?, answerTime), endTime = COALESCE(?, endTime), duration = COALESCE(?, duration)
                    WHERE id = ? AND status = ? RETURNING *
                    """,
                arguments: [
                    transition.to.rawValue, SQLiteValues.millis(transition.at), transition.answerTime.map(SQLiteValues.millis),
                    transition.endTime.map(SQLiteValues.millis), transition.duration, id.hexString, transition.from.rawValue,
                ]
            ).map(Self.call(from:))
        }
    }

    func history(userId: ObjectId, status: CallStatus?, limit: Int, offset: Int) async throws -> [VideoCall] {
        let statusFilter = status == nil ? "" : "AND status = :status"
        let arguments: StatementArguments = [
            "user": userId.hexString, "status": status?.rawValue, "limit": max(0, limit), "offset": max(0, offset),
        ]
        return try await pool.read { db in
            // A UNION of the two indexed lookups rather than an OR, which would scan the table.
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT * FROM video_calls WHERE callerId = :user \(statusFilter)
                        UNION
                        SELECT * FROM video_calls WHERE receiverId = :user \(statusFilter)
                    ) ORDER BY startTime DESC, id DESC LIMIT :limit OFFSET :offset
                    """,
                arguments: arguments
            ).map(Self.call(from:))
        }
    }

    func active(userId: ObjectId) async throws -> [VideoCall] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM video_calls WHERE status IN ('ringing', 'accepted') AND (callerId = ? OR receiverId = ?)
                    ORDER BY startTime DESC
                    """,
                arguments: [userId.hexString, userId.hexString]
            ).map(Self.call(from:))
        }
    }

    func ringing(before: Date) async throws -> [VideoCall] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM video_calls WHERE status = 'ringing' AND startTime < ? ORDER BY startTime",
                arguments: [SQLiteValues.millis(before)]
            ).map(Self.call(from:))
        }
    }

    func stats(userId: ObjectId) async throws -> CallStats {
        try await pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS total,
                        SUM(answerTime IS NOT NULL) AS accepted,
                        SUM(status = 'rejected') AS rejected,
                        SUM(status = 'missed') AS missed,
                        SUM(CASE WHEN status = 'ended' THEN COALESCE(duration, 0) ELSE 0 END) AS totalDuration,
                        SUM(status = 'ended' AND duration > 0) AS ended
                    FROM (SELECT * FROM video_calls WHERE callerId = :user UNION SELECT * FROM video_calls WHERE receiverId = :user)
                    """,
                arguments: ["user": userId.hexString])
            return CallStats(
                totalCalls: row?["total"] ?? 0, acceptedCalls: row?["accepted"] ?? 0, rejectedCalls: row?["rejected"] ?? 0,
                missedCalls: row?["missed"] ?? 0, totalDuration: row?["totalDuration"] ?? 0, endedCalls: row?["ended"] ?? 0)
        }
    }

    static func call(from row: Row) throws -> VideoCall {
        let status: String = try row.decode(String.self, forColumn: "status")
        guard let callStatus = CallStatus(stored: status) else { throw StoreError.corrupt("video_calls row with status \(status)") }
        return VideoCall(
            id: try SQLiteValues.objectId(row, "id"),
            callerId: try SQLiteValues.objectId(row, "callerId"),
            receiverId: try SQLiteValues.objectId(row, "receiverId"),
            callerName: try row.decode(String.self, forColumn: "callerName"),
            receiverName: try row.decode(String.self, forColumn: "receiverName"),
            channelId: try SQLiteValues.optionalObjectId(row, "channelId"),
            status: callStatus,
            callType: try row.decode(String.self, forColumn: "callType"),
            startTime: SQLiteValues.date(try row.decode(Int64.self, forColumn: "startTime")),
            answerTime: SQLiteValues.optionalDate(try row.decode(Int64?.self, forColumn: "answerTime")),
            endTime: SQLiteValues.optionalDate(try row.decode(Int64?.self, forColumn: "endTime")),
            duration: try row.decode(Double?.self, forColumn: "duration"),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "createdAt")),
            updatedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "updatedAt")))
    }
}
