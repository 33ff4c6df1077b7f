import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Channels in `channels`; members and admins in `channel_members` (one row per user, admins
/// with role 'admin', so an admin is always also a member).
struct SQLiteChannelStore: ChannelStore {
    let pool: DatabasePool

    func insert(_ channel: Channel) async throws {
        let settings = try SQLiteValues.json(channel.settings)
        let admins = Set(channel.admins)
        // Members in their given order, then any admin the caller did not list as a member.
        var users = channel.members
        users += channel.admins.filter { !channel.members.contains($0) }
        try await pool.write { [users] db in
            try SQLiteValues.mappingDuplicates {
                try db.execute(
                    sql: """
                        INSERT INTO channels (id, groupId, name, nameKey, description, type, isPrivate, isActive,
                                              maxMembers, settings, createdBy, createdAt, updatedAt, archivedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        channel.id.hexString, channel.groupId.hexString, channel.name, TextFolding.uniqueKey(channel.name),
                        channel.description, channel.type,
                        channel.isPrivate, channel.isActive, channel.maxMembers, settings, channel.createdBy.hexString,
                        SQLiteValues.millis(channel.createdAt), SQLiteValues.millis(channel.updatedAt),
                        channel.archivedAt.map(SQLiteValues.millis),
                    ])
            }
            for userId in users {
                try db.execute(
                    sql: """
                        INSERT INTO channel_members (channelId, userId, role, addedAt) VALUES (?, ?, ?, ?)
                        ON CONFLICT (channelId, userId) DO NOTHING
                        """,
                    arguments: [
                        channel.id.hexString, userId.hexString, admins.contains(userId) ? "admin" : "member",
                        SQLiteValues.millis(channel.createdAt),
                    ])
            }
        }
    }

    func find(id: ObjectId) async throws -> Channel? {
        try await pool.read { db in try SQLiteChannelRows.channel(id: id, in: db) }
    }

    func find(id: ObjectId, membersAmong userIds: [ObjectId]) async throws -> Channel? {
        try await pool.read { db in try SQLiteChannelRows.channel(id: id, membersAmong: userIds, in: db) }
    }

    func find(groupId: ObjectId, name: String) async throws -> Channel? {
        try await pool.read { db in
            // Served by the unique (groupId, nameKey) index (SQLiteUniqueKeys).
            try SQLiteChannelRows.channels(
                from: Row.fetchAll(
                    db, sql: "SELECT * FROM channels WHERE groupId = ? AND nameKey = ?",
                    arguments: [groupId.hexString, TextFolding.uniqueKey(name)]),
                in: db
            ).first
        }
    }

    func list(_ query: ChannelQuery) async throws -> Page<Channel> {
        var filter = SQLiteFilter()
        if let groupIds = query.groupIds {
            // An empty scope (an admin of no group) sees nothing, not everything.
            guard !groupIds.isEmpty else { return Page(items: [], total: 0) }
            try filter.add("groupId", in: groupIds)
        }
        filter.addSearch(query.search, in: ["name", "description"])
        if let type = query.type { filter.add("type = ?", type) }
        if let isActive = query.isActive { filter.add("isActive = ?", isActive) }
        if !query.includeArchived { filter.add("archivedAt IS NULL") }

        let countSQL = "SELECT COUNT(*) FROM channels \(filter.whereClause)"
        var listSQL = "SELECT * FROM channels \(filter.whereClause) ORDER BY groupId, createdAt, id"
        let countArguments = filter.statementArguments
        var listArguments = filter.statementArguments
        if let page = query.page {
            listSQL += " LIMIT ? OFFSET ?"
            listArguments = filter.statementArguments(appending: page.limit, page.offset)
        }
        return try await pool.read { [listSQL, listArguments] db in
            let total = try Int.fetchOne(db, sql: countSQL, arguments: countArguments) ?? 0
            let channels = try SQLiteChannelRows.channels(from: Row.fetchAll(db, sql: listSQL, arguments: listArguments), in: db)
            return Page(items: channels, total: total)
        }
    }

    func update(id: ObjectId, _ changes: ChannelChanges, at date: Date) async throws -> Channel? {
        var update = SQLiteUpdate(at: date)
        if let name = changes.name {
            update.set("name", name)
            update.set("nameKey", TextFolding.uniqueKey(name))
        }
        if let description = changes.description { update.set("description", description) }
        if let type = changes.type { update.set("type", type) }
        if let isPrivate = changes.isPrivate { update.set("isPrivate", isPrivate) }
        if let isActive = changes.isActive { update.set("isActive", isActive) }
        // Double optionals: `.some(nil)` writes NULL, `nil` leaves the column alone.
        if let maxMembers = changes.maxMembers { update.set("maxMembers", maxMembers) }
        // Settings are replaced whole; merging is the service's business.
        if let settings = changes.settings { update.set("settings", try SQLiteValues.json(settings)) }
        if let archivedAt = changes.archivedAt { update.set("archivedAt", archivedAt.map(SQLiteValues.millis)) }
        let (sql, statementArguments) = update.statement(table: "channels", id: id)
        return try await pool.write { db in
            try SQLiteValues.mappingDuplicates {
                try SQLiteChannelRows.channels(from: Row.fetchAll(db, sql: sql, arguments: statementArguments), in: db).first
            }
        }
    }

    func addMember(channelId: ObjectId, userId: ObjectId, at date: Date) async throws -> Channel? {
        try await pool.write { db in
            guard try Self.touch(channelId: channelId, at: date, in: db) else { return nil }
            // OR IGNORE keeps a second add (and an admin's role) as it was.
            try db.execute(
                sql: "INSERT OR IGNORE INTO channel_members (channelId, userId, role, addedAt) VALUES (?, ?, 'member', ?)",
                arguments: [channelId.hexString, userId.hexString, SQLiteValues.millis(date)])
            return try SQLiteChannelRows.channel(id: channelId, in: db)
        }
    }

    func removeMember(channelId: ObjectId, userId: ObjectId, at date: Date) async throws -> Channel? {
        try await pool.write { db in
            guard try Self.touch(channelId: channelId, at: date, in: db) else { return nil }
            try db.execute(
                sql: "DELETE FROM channel_members WHERE channelId = ? AND userId = ?",
                arguments: [channelId.hexString, userId.hexString])
            return try SQLiteChannelRows.channel(id: channelId, in: db)
        }
    }

    func addMemberToPublicChannels(groupId: ObjectId, userId: ObjectId, at date: Date) async throws {
        try await pool.write { db in
            // Only the channels that actually gain the member get a new updatedAt.
            try db.execute(
                sql: """
                    UPDATE channels SET updatedAt = ?
                    WHERE groupId = ? AND isPrivate = 0 AND archivedAt IS NULL
                      AND id NOT IN (SELECT channelId FROM channel_members WHERE userId = ?)
                    """,
                arguments: [SQLiteValues.millis(date), groupId.hexString, userId.hexString])
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO channel_members (channelId, userId, role, addedAt)
                    SELECT id, ?, 'member', ? FROM channels
                    WHERE groupId = ? AND isPrivate = 0 AND archivedAt IS NULL
                    ORDER BY createdAt, id
                    """,
                arguments: [userId.hexString, SQLiteValues.millis(date), groupId.hexString])
        }
    }

    func counts(groupIds: [ObjectId]?) async throws -> ChannelCounts {
        var filter = SQLiteFilter()
        if let groupIds {
            guard !groupIds.isEmpty else { return ChannelCounts(total: 0, active: 0, byType: [:]) }
            try filter.add("groupId", in: groupIds)
        }
        let sql = """
            SELECT type, COUNT(*) AS total, COALESCE(SUM(isActive = 1 AND archivedAt IS NULL), 0) AS active
            FROM channels \(filter.whereClause) GROUP BY type
            """
        let arguments = filter.statementArguments
        return try await pool.read { db in
            var counts = ChannelCounts(total: 0, active: 0, byType: [:])
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let total = try row.decode(Int.self, forColumn: "total")
                counts.total += total
                counts.active += try row.decode(Int.self, forColumn: "active")
                counts.byType[try row.decode(String.self, forColumn: "type")] = total
            }
            return counts
        }
    }

    /// Sets the channel's updatedAt; false when there is no such channel.
    private static func touch(channelId: ObjectId, at date: Date, in db: Database) throws -> Bool {
        try db.execute(
            sql: "UPDATE channels SET updatedAt = ? WHERE id = ?", arguments: [SQLiteValues.millis(date), channelId.hexString])
        return db.changesCount > 0
    }
}
