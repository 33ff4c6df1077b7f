import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Reads channels back: the `channels` row plus members and admins from `channel_members`.
enum SQLiteChannelRows {
    /// Decodes `rows` (in their order) and loads the members of all of them with one query;
    /// with `userIds`, only those users' entries.
    static func channels(from rows: [Row], membersAmong userIds: [ObjectId]? = nil, in db: Database) throws -> [Channel] {
        var channels = try rows.map(channel(from:))
        guard !channels.isEmpty else { return channels }
        let onlyThese = userIds == nil ? "" : "AND userId IN (SELECT value FROM json_each(?))"
        var arguments: StatementArguments = [try SQLiteValues.idList(channels.map(\.id))]
        if let userIds { arguments += [try SQLiteValues.idList(userIds)] }
        let memberRows = try Row.fetchAllCached(
            db,
            sql: """
                SELECT channelId, userId, role FROM channel_members
                WHERE channelId IN (SELECT value FROM json_each(?)) \(onlyThese)
                ORDER BY channelId, rowid
                """,
            arguments: arguments)
        var members: [ObjectId: [ObjectId]] = [:]
        var admins: [ObjectId: [ObjectId]] = [:]
        for row in memberRows {
            let channelId = try SQLiteValues.objectId(row, "channelId")
            let userId = try SQLiteValues.objectId(row, "userId")
            members[channelId, default: []].append(userId)
            if try row.decode(String.self, forColumn: "role") == "admin" {
                admins[channelId, default: []].append(userId)
            }
        }
        for index in channels.indices {
            channels[index].members = members[channels[index].id] ?? []
            channels[index].admins = admins[channels[index].id] ?? []
        }
        return channels
    }

    static func channel(id: ObjectId, membersAmong userIds: [ObjectId]? = nil, in db: Database) throws -> Channel? {
        try channels(
            from: Row.fetchAllCached(db, sql: "SELECT * FROM channels WHERE id = ?", arguments: [id.hexString]), membersAmong: userIds, in: db
        ).first
    }

    /// The row alone, members and admins empty.
    static func channel(from row: Row) throws -> Channel {
        Channel(
            id: try SQLiteValues.objectId(row, "id"),
            groupId: try SQLiteValues.objectId(row, "groupId"),
            name: try row.decode(String.self, forColumn: "name"),
            description: try row.decode(String.self, forColumn: "description"),
            type: try row.decode(String.self, forColumn: "type"),
            isPrivate: try row.decode(Bool.self, forColumn: "isPrivate"),
            isActive: try row.decode(Bool.self, forColumn: "isActive"),
            maxMembers: try row.decode(Int?.self, forColumn: "maxMembers"),
            settings: try SQLiteValues.fromJSON(ChannelSettings.self, row.decode(String.self, forColumn: "settings")),
            members: [],
            admins: [],
            createdBy: try SQLiteValues.objectId(row, "createdBy"),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "createdAt")),
            updatedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "updatedAt")),
            archivedAt: SQLiteValues.optionalDate(try row.decode(Int64?.self, forColumn: "archivedAt")))
    }
}
