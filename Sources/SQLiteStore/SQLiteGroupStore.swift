import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Groups in `groups`, members in `group_members`. Membership is stored once, so
/// `User.groups` (read by `SQLiteUserStore` from the same table) is always in step.
struct SQLiteGroupStore: GroupStore {
    let pool: DatabasePool

    func insert(_ group: Group) async throws {
        let tags = try group.tags.map(SQLiteValues.json)
        let rules = try group.rules.map(SQLiteValues.json)
        try await pool.write { db in
            try SQLiteValues.mappingDuplicates {
                try db.execute(
                    sql: """
                        INSERT INTO groups (id, name, nameKey, description, category, status, isPrivate, isActive,
                                            maxMembers, avatar, tags, rules, createdBy, createdAt, updatedAt, archivedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        group.id.hexString, group.name, TextFolding.uniqueKey(group.name), group.description, group.category, group.status, group.isPrivate,
                        group.isActive, group.maxMembers, group.avatar, tags, rules, group.createdBy.hexString,
                        SQLiteValues.millis(group.createdAt), SQLiteValues.millis(group.updatedAt),
                        group.archivedAt.map(SQLiteValues.millis),
                    ])
            }
            // The same transaction: a group is never visible without its initial members.
            for member in group.members {
                try Self.upsert(member, groupId: group.id, in: db)
            }
        }
    }

    func find(id: ObjectId) async throws -> Group? {
        try await pool.read { db in try SQLiteGroupRows.group(id: id, in: db) }
    }

    func find(id: ObjectId, membersAmong userIds: [ObjectId]) async throws -> Group? {
        try await pool.read { db in try SQLiteGroupRows.group(id: id, membersAmong: userIds, in: db) }
    }

    func find(ids: [ObjectId]) async throws -> [Group] {
        guard !ids.isEmpty else { return [] }
        let idList = try SQLiteValues.idList(ids)
        return try await pool.read { db in
            try SQLiteGroupRows.groups(
                from: Row.fetchAll(db, sql: "SELECT * FROM groups WHERE id IN (SELECT value FROM json_each(?))", arguments: [idList]),
                in: db)
        }
    }

    func list(_ query: GroupQuery) async throws -> Page<Group> {
        var filter = SQLiteFilter()
        filter.addSearch(query.search, in: ["name", "description"])
        if let status = query.status { filter.add("status = ?", status) }
        if let category = query.category { filter.add("category = ?", category) }
        if let isPrivate = query.isPrivate { filter.add("isPrivate = ?", isPrivate) }
        if !query.includeArchived { filter.add("archivedAt IS NULL") }
        // Membership tests go through group_members_user (userId, groupId).
        if let memberId = query.memberId {
            filter.add("id IN (SELECT groupId FROM group_members WHERE userId = ?)", memberId.hexString)
        }
        if let adminId = query.adminId {
            filter.add("id IN (SELECT groupId FROM group_members WHERE userId = ? AND role = 'admin')", adminId.hexString)
        }
        if let viewer = query.visibleTo {
            filter.add("(isPrivate = 0 OR id IN (SELECT groupId FROM group_members WHERE userId = ?))", viewer.hexString)
        }
        let direction = query.ascending ? "ASC" : "DESC"
        let sortColumn: String
        switch query.sort {
        case .createdAt: sortColumn = "createdAt"
        case .updatedAt: sortColumn = "updatedAt"
        // NOCASE, like the unique index: "alpha" and "Beta" sort as a reader expects.
        case .name: sortColumn = "name COLLATE NOCASE"
        }
        let countSQL = "SELECT COUNT(*) FROM groups \(filter.whereClause)"
        let pageSQL = """
            SELECT * FROM groups \(filter.whereClause)
            ORDER BY \(sortColumn) \(direction), id \(direction) LIMIT ? OFFSET ?
            """
        let countArguments = filter.statementArguments
        let pageArguments = filter.statementArguments(appending: query.page.limit, query.page.offset)
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: countSQL, arguments: countArguments) ?? 0
            let groups = try SQLiteGroupRows.groups(from: Row.fetchAll(db, sql: pageSQL, arguments: pageArguments), in: db)
            return Page(items: groups, total: total)
        }
    }

    func update(id: ObjectId, _ changes: GroupChanges, at date: Date) async throws -> Group? {
        var update = SQLiteUpdate(at: date)
        if let name = changes.name {
            update.set("name", name)
            update.set("nameKey", TextFolding.uniqueKey(name))
        }
        if let description = changes.description { update.set("description", description) }
        if let category = changes.category { update.set("category", category) }
        if let status = changes.status { update.set("status", status) }
        if let isPrivate = changes.isPrivate { update.set("isPrivate", isPrivate) }
        if let isActive = changes.isActive { update.set("isActive", isActive) }
        // Double optionals: `.some(nil)` writes NULL, `nil` leaves the column alone.
        if let maxMembers = changes.maxMembers { update.set("maxMembers", maxMembers) }
        if let avatar = changes.avatar { update.set("avatar", avatar) }
        if let tags = changes.tags { update.set("tags", try tags.map(SQLiteValues.json)) }
        if let rules = changes.rules { update.set("rules", try rules.map(SQLiteValues.json)) }
        if let archivedAt = changes.archivedAt { update.set("archivedAt", archivedAt.map(SQLiteValues.millis)) }
        let (sql, statementArguments) = update.statement(table: "groups", id: id)
        return try await pool.write { db in
            try SQLiteValues.mappingDuplicates {
                try SQLiteGroupRows.groups(from: Row.fetchAll(db, sql: sql, arguments: statementArguments), in: db).first
            }
        }
    }

    func upsertMember(groupId: ObjectId, _ member: GroupMember, at date: Date) async throws -> Group? {
        try await pool.write { db in
            guard try Self.touch(groupId: groupId, at: date, in: db) else { return nil }
            try Self.upsert(member, groupId: groupId, in: db)
            return try SQLiteGroupRows.group(id: groupId, in: db)
        }
    }

    func removeMember(groupId: ObjectId, userId: ObjectId, at date: Date) async throws -> Group? {
        try await pool.write { db in
            guard try Self.touch(groupId: groupId, at: date, in: db) else { return nil }
            try db.execute(
                sql: "DELETE FROM group_members WHERE groupId = ? AND userId = ?",
                arguments: [groupId.hexString, userId.hexString])
            // Leaving a group means leaving its channels too, in the same transaction.
            try db.execute(
                sql: """
                    DELETE FROM channel_members
                    WHERE userId = ? AND channelId IN (SELECT id FROM channels WHERE groupId = ?)
                    """,
                arguments: [userId.hexString, groupId.hexString])
            return try SQLiteGroupRows.group(id: groupId, in: db)
        }
    }

    func counts(administeredBy adminId: ObjectId?) async throws -> GroupCounts {
        let scope = adminId.map { _ in "WHERE id IN (SELECT groupId FROM group_members WHERE userId = ? AND role = 'admin')" } ?? ""
        let arguments = adminId.map { StatementArguments([$0.hexString]) } ?? StatementArguments()
        return try await pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(archivedAt IS NULL), 0) AS total,
                           COALESCE(SUM(archivedAt IS NULL AND isActive = 1), 0) AS active,
                           COALESCE(SUM(archivedAt IS NULL AND isPrivate = 1), 0) AS privateGroups,
                           COALESCE(SUM(archivedAt IS NOT NULL), 0) AS archived,
                           COALESCE(SUM(CASE WHEN archivedAt IS NULL
                                        THEN (SELECT COUNT(*) FROM group_members m WHERE m.groupId = groups.id)
                                        ELSE 0 END), 0) AS memberships
                    FROM groups \(scope)
                    """,
                arguments: arguments)
            guard let row else { throw StoreError.corrupt("group counts returned no row") }
            return GroupCounts(
                total: try row.decode(Int.self, forColumn: "total"),
                active: try row.decode(Int.self, forColumn: "active"),
                privateGroups: try row.decode(Int.self, forColumn: "privateGroups"),
                archived: try row.decode(Int.self, forColumn: "archived"),
                memberships: try row.decode(Int.self, forColumn: "memberships"))
        }
    }

    /// Sets the group's updatedAt; false when there is no such group.
    private static func touch(groupId: ObjectId, at date: Date, in db: Database) throws -> Bool {
        try db.execute(
            sql: "UPDATE groups SET updatedAt = ? WHERE id = ?", arguments: [SQLiteValues.millis(date), groupId.hexString])
        return db.changesCount > 0
    }

    /// Adds a member or changes an existing member's role, keeping the first joinedAt.
    /// `member.username` is not stored: it is read from users, so renames show at once.
    private static func upsert(_ member: GroupMember, groupId: ObjectId, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO group_members (groupId, userId, role, joinedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (groupId, userId) DO UPDATE SET role = excluded.role
                """,
            arguments: [groupId.hexString, member.userId.hexString, member.role.rawValue, SQLiteValues.millis(member.joinedAt)])
    }
}
