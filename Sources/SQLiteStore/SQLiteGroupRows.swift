import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Reads groups back: the `groups` row plus its members from `group_members`, each with the
/// user's current username.
enum SQLiteGroupRows {
    /// Decodes `rows` (in their order) and loads the members of all of them with one query.
    static func groups(from rows: [Row], in db: Database) throws -> [Group] {
        var groups = try rows.map(group(from:))
        guard !groups.isEmpty else { return groups }
        let members = try members(of: groups.map(\.id), in: db)
        for index in groups.indices {
            groups[index].members = members[groups[index].id] ?? []
        }
        return groups
    }

    static func group(id: ObjectId, in db: Database) throws -> Group? {
        try groups(from: Row.fetchAllCached(db, sql: "SELECT * FROM groups WHERE id = ?", arguments: [id.hexString]), in: db).first
    }

    /// The group with the member entries of `userIds` only (served by the primary key).
    static func group(id: ObjectId, membersAmong userIds: [ObjectId], in db: Database) throws -> Group? {
        guard let row = try Row.fetchOneCached(db, sql: "SELECT * FROM groups WHERE id = ?", arguments: [id.hexString]) else { return nil }
        var group = try group(from: row)
        group.members = try members(of: [id], among: userIds, in: db)[id] ?? []
        return group
    }

    /// Members per group, in the order they joined (ties by user id, so the order is stable);
    /// with `userIds`, only those users' entries.
    static func members(of groupIds: [ObjectId], among userIds: [ObjectId]? = nil, in db: Database) throws -> [ObjectId: [GroupMember]] {
        let onlyThese = userIds == nil ? "" : "AND m.userId IN (SELECT value FROM json_each(?))"
        var arguments: StatementArguments = [try SQLiteValues.idList(groupIds)]
        if let userIds { arguments += [try SQLiteValues.idList(userIds)] }
        let rows = try Row.fetchAllCached(
            db,
            sql: """
                SELECT m.groupId, m.userId, m.role, m.joinedAt, u.username
                FROM group_members m JOIN users u ON u.id = m.userId
                WHERE m.groupId IN (SELECT value FROM json_each(?)) \(onlyThese)
                ORDER BY m.groupId, m.joinedAt, m.userId
                """,
            arguments: arguments)
        var members: [ObjectId: [GroupMember]] = [:]
        for row in rows {
            let roleName = try row.decode(String.self, forColumn: "role")
            guard let role = GroupMemberRole(rawValue: roleName) else {
                throw StoreError.corrupt("unknown group member role: \(roleName)")
            }
            let member = GroupMember(
                userId: try SQLiteValues.objectId(row, "userId"),
                username: try row.decode(String.self, forColumn: "username"),
                role: role,
                joinedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "joinedAt")))
            members[try SQLiteValues.objectId(row, "groupId"), default: []].append(member)
        }
        return members
    }

    /// The row alone, members empty.
    static func group(from row: Row) throws -> Group {
        Group(
            id: try SQLiteValues.objectId(row, "id"),
            name: try row.decode(String.self, forColumn: "name"),
            description: try row.decode(String.self, forColumn: "description"),
            category: try row.decode(String.self, forColumn: "category"),
            status: try row.decode(String.self, forColumn: "status"),
            isPrivate: try row.decode(Bool.self, forColumn: "isPrivate"),
            isActive: try row.decode(Bool.self, forColumn: "isActive"),
            maxMembers: try row.decode(Int?.self, forColumn: "maxMembers"),
            avatar: try row.decode(String?.self, forColumn: "avatar"),
            tags: try row.decode(String?.self, forColumn: "tags").map { try SQLiteValues.fromJSON([String].self, $0) },
            rules: try row.decode(String?.self, forColumn: "rules").map { try SQLiteValues.fromJSON([String].self, $0) },
            createdBy: try SQLiteValues.objectId(row, "createdBy"),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "createdAt")),
            updatedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "updatedAt")),
            archivedAt: SQLiteValues.optionalDate(try row.decode(Int64?.self, forColumn: "archivedAt")),
            members: [])
    }
}
