import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Join requests in `group_requests`. The partial unique index `group_requests_one_pending`
/// refuses a second pending request of one user for one group; `SQLiteValues` reports that as
/// `duplicate(field: "pending")`.
struct SQLiteGroupRequestStore: GroupRequestStore {
    let pool: DatabasePool

    func insert(_ request: GroupRequest) async throws {
        try await pool.write { db in
            try SQLiteValues.mappingDuplicates {
                try db.execute(
                    sql: """
                        INSERT INTO group_requests (id, userId, username, userEmail, groupId, groupName, requestType, status,
                                                    message, reason, requestedAt, reviewedAt, reviewedBy, reviewerName)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        request.id.hexString, request.userId.hexString, request.username, request.userEmail,
                        request.groupId.hexString, request.groupName, request.requestType, request.status.rawValue,
                        request.message, request.reason, SQLiteValues.millis(request.requestedAt),
                        request.reviewedAt.map(SQLiteValues.millis), request.reviewedBy?.hexString, request.reviewerName,
                    ])
            }
        }
    }

    func find(id: ObjectId) async throws -> GroupRequest? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM group_requests WHERE id = ?", arguments: [id.hexString])
                .map(Self.request(from:))
        }
    }

    func list(_ query: GroupRequestQuery) async throws -> Page<GroupRequest> {
        guard let filter = try Self.filter(query, includingStatus: true) else { return Page(items: [], total: 0) }
        let direction = query.ascending ? "ASC" : "DESC"
        let countSQL = "SELECT COUNT(*) FROM group_requests \(filter.whereClause)"
        let pageSQL = """
            SELECT * FROM group_requests \(filter.whereClause)
            ORDER BY requestedAt \(direction), id \(direction) LIMIT ? OFFSET ?
            """
        let countArguments = filter.statementArguments
        let pageArguments = filter.statementArguments(appending: query.page.limit, query.page.offset)
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: countSQL, arguments: countArguments) ?? 0
            let requests = try Row.fetchAll(db, sql: pageSQL, arguments: pageArguments).map(Self.request(from:))
            return Page(items: requests, total: total)
        }
    }

    func review(id: ObjectId, _ review: GroupRequestReview) async throws -> GroupRequest? {
        try await pool.write { db in
            // The status test in the WHERE clause makes the check and the write one step: two
            // admins deciding at once cannot both succeed.
            try Row.fetchOne(
                db,
                sql: """
                    UPDATE group_requests
                    SET status = ?, reviewedBy = ?, reviewerName = ?, reason = COALESCE(?, reason), reviewedAt = ?
                    WHERE id = ? AND status = 'pending'
                    RETURNING *
                    """,
                arguments: [
                    review.status.rawValue, review.reviewerId?.hexString, review.reviewerName, review.reason,
                    SQLiteValues.millis(review.at), id.hexString,
                ]
            ).map(Self.request(from:))
        }
    }

    func delete(id: ObjectId) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM group_requests WHERE id = ?", arguments: [id.hexString])
            return db.changesCount > 0
        }
    }

    func counts(_ query: GroupRequestQuery) async throws -> GroupRequestCounts {
        // Every status is reported, zero included, so a dashboard need not guess at missing keys.
        var byStatus = Dictionary(uniqueKeysWithValues: GroupRequestStatus.allCases.map { ($0, 0) })
        guard let filter = try Self.filter(query, includingStatus: false) else {
            return GroupRequestCounts(total: 0, byStatus: byStatus)
        }
        let sql = "SELECT status, COUNT(*) AS count FROM group_requests \(filter.whereClause) GROUP BY status"
        let arguments = filter.statementArguments
        let counted = try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                (try row.decode(String.self, forColumn: "status"), try row.decode(Int.self, forColumn: "count"))
            }
        }
        var total = 0
        for (name, count) in counted {
            guard let status = GroupRequestStatus(rawValue: name) else {
                throw StoreError.corrupt("unknown group request status: \(name)")
            }
            byStatus[status] = count
            total += count
        }
        return GroupRequestCounts(total: total, byStatus: byStatus)
    }

    /// The query's filters; nil when the query can match nothing (an empty `groupIds` scope).
    private static func filter(_ query: GroupRequestQuery, includingStatus: Bool) throws -> SQLiteFilter? {
        var filter = SQLiteFilter()
        if let groupIds = query.groupIds {
            guard !groupIds.isEmpty else { return nil }
            try filter.add("groupId", in: groupIds)
        }
        if let userId = query.userId { filter.add("userId = ?", userId.hexString) }
        if let groupId = query.groupId { filter.add("groupId = ?", groupId.hexString) }
        if includingStatus, let status = query.status { filter.add("status = ?", status.rawValue) }
        if let requestType = query.requestType { filter.add("requestType = ?", requestType) }
        filter.addSearch(query.search, in: ["username", "groupName", "message"])
        return filter
    }

    static func request(from row: Row) throws -> GroupRequest {
        let statusName = try row.decode(String.self, forColumn: "status")
        guard let status = GroupRequestStatus(rawValue: statusName) else {
            throw StoreError.corrupt("unknown group request status: \(statusName)")
        }
        return GroupRequest(
            id: try SQLiteValues.objectId(row, "id"),
            userId: try SQLiteValues.objectId(row, "userId"),
            username: try row.decode(String.self, forColumn: "username"),
            userEmail: try row.decode(String?.self, forColumn: "userEmail"),
            groupId: try SQLiteValues.objectId(row, "groupId"),
            groupName: try row.decode(String.self, forColumn: "groupName"),
            requestType: try row.decode(String.self, forColumn: "requestType"),
            status: status,
            message: try row.decode(String?.self, forColumn: "message"),
            reason: try row.decode(String?.self, forColumn: "reason"),
            requestedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "requestedAt")),
            reviewedAt: SQLiteValues.optionalDate(try row.decode(Int64?.self, forColumn: "reviewedAt")),
            reviewedBy: try SQLiteValues.optionalObjectId(row, "reviewedBy"),
            reviewerName: try row.decode(String?.self, forColumn: "reviewerName"))
    }
}
