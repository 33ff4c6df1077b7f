import Foundation
import ParleyCore
import ParleyStore

/// The queries behind `MessageStore.history`. Every window is one walk along the index on
/// (channelId, createdAt, _id) — for live messages (channelId, isDeleted, createdAt, _id), one
/// walk per value of its two leading fields, merged in order — that stops after `limit`
/// documents, so a page costs the same in a channel of ten messages or of ten million, however
/// many were deleted. Windows read newest first are turned round by the store: every window
/// answers oldest first.
enum MessageHistoryDocuments {
    /// Where a `.before`/`.after` window starts: the cursor message's sort key.
    struct Cursor: Equatable {
        var id: ObjectId
        var createdAt: Date
    }

    /// One query: filter, find options, and whether the results come newest first.
    struct Query: Equatable {
        var filter: BSONDocument
        var options: BSONDocument
        var newestFirst: Bool
    }

    /// The channel's messages; without `includingDeleted`, its live ones only.
    static func channelFilter(_ channelId: ObjectId, includingDeleted: Bool) -> BSONDocument {
        var filter: BSONDocument = ["channelId": LegacyIdMatch.any(channelId)]
        if !includingDeleted { filter["isDeleted"] = MessageDocuments.liveInIndex }
        return filter
    }

    /// The cursor message, only if it is in that channel (else the window is nil).
    static func cursorFilter(id: ObjectId, channelId: ObjectId) -> BSONDocument {
        ["_id": .objectId(id), "channelId": LegacyIdMatch.any(channelId)]
    }

    static func cursor(from document: BSONDocument) throws -> Cursor {
        let message = try MessageDocuments.message(from: document)
        return Cursor(id: message.id, createdAt: message.createdAt)
    }

    /// The newest `limit` after skipping `offset`; nil when the page is empty by its limit.
    static func latest(channelId: ObjectId, limit: Int, offset: Int, includingDeleted: Bool) -> Query? {
        guard let options = MessageDocuments.pageOptions(sort: MessageDocuments.newestFirst, limit: limit, offset: offset)
        else { return nil }
        return Query(filter: channelFilter(channelId, includingDeleted: includingDeleted), options: options, newestFirst: true)
    }

    /// Strictly before the cursor in (createdAt, _id) order, nearest first.
    static func before(channelId: ObjectId, cursor: Cursor, limit: Int, includingDeleted: Bool) -> Query? {
        guard limit > 0 else { return nil }
        return Query(
            filter: window(channelId: channelId, cursor: cursor, direction: "$lt", inclusive: "$lte", includingDeleted: includingDeleted),
            options: ["sort": .document(MessageDocuments.newestFirst), "limit": .int64(Int64(limit))], newestFirst: true)
    }

    /// Strictly after the cursor in (createdAt, _id) order, nearest first.
    static func after(channelId: ObjectId, cursor: Cursor, limit: Int, includingDeleted: Bool) -> Query? {
        guard limit > 0 else { return nil }
        return Query(
            filter: window(channelId: channelId, cursor: cursor, direction: "$gt", inclusive: "$gte", includingDeleted: includingDeleted),
            options: ["sort": .document(MessageDocuments.oldestFirst), "limit": .int64(Int64(limit))], newestFirst: false)
    }

    /// `{channelId, createdAt: {$lte: c}, $or: [{createdAt: {$lt: c}}, {createdAt: c, _id: {$lt: id}}]}`
    /// (mirrored for "after"). The `$or` alone is the exact condition — messages sharing the
    /// cursor's millisecond are ordered by `_id`, so none is skipped or repeated. The plain
    /// range on `createdAt` says the same thing again, but as a bound the planner can put on the
    /// index scan directly, so the walk starts at the cursor instead of at the channel's end.
    private static func window(
        channelId: ObjectId, cursor: Cursor, direction: String, inclusive: String, includingDeleted: Bool
    ) -> BSONDocument {
        let at = BSONValue.date(cursor.createdAt)
        var filter = channelFilter(channelId, includingDeleted: includingDeleted)
        filter["createdAt"] = [inclusive: at]
        filter["$or"] = [
            ["createdAt": [direction: at]],
            ["createdAt": at, "_id": [direction: .objectId(cursor.id)]],
        ]
        return filter
    }
}
