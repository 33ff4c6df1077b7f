import Foundation
import ParleyCore
import ParleyStore

/// The `messages` collection: its indexes, and every document `MongoMessageStore` sends for
/// single messages, replies, edits and tombstones, built by pure functions. History windows,
/// search, read state and counts have their own `…Documents` types.
///
/// Fields the old server may hold as strings (`channelId`, `userId`, the old reply link
/// `originalMessageId`) are matched in both forms (`LegacyIdMatch`); Parley writes ObjectIds.
enum MessageDocuments {
    static let collection = "messages"

    /// Newest first, `_id` breaking ties: the order of every "latest" list.
    static let newestFirst: BSONDocument = ["createdAt": -1, "_id": -1]
    static let oldestFirst: BSONDocument = ["createdAt": 1, "_id": 1]

    /// - history: one range of (channelId, createdAt, _id) per page, whatever the channel's size;
    ///   history without tombstones the same on (channelId, isDeleted, createdAt, _id) — a
    ///   partial index cannot do it, as `isDeleted: false` would leave out old documents without
    ///   the flag and partial filters take no `$ne`;
    /// - a user's messages, newest first (`_id` included so the tie-break needs no sort stage);
    /// - replies, oldest first, holding only replies (`replyTo` is written only on replies), and
    ///   the same for the old server's reply copies, which name their parent in
    ///   `originalMessageId`;
    /// - search: the trigrams of the text (`MessageSearchGrams`), one key per distinct trigram.
    ///   The text index earlier versions made (`text_text`) is no longer read; see `legacyIndexes`.
    static let indexes: [MongoIndex] = [
        MongoIndex(
            collection: collection, keys: ["channelId": 1, "createdAt": 1, "_id": 1], name: "channelId_1_createdAt_1__id_1"),
        MongoIndex(
            collection: collection, keys: ["channelId": 1, "isDeleted": 1, "createdAt": 1, "_id": 1],
            name: "channelId_1_isDeleted_1_createdAt_1__id_1"),
        MongoIndex(
            collection: collection, keys: ["userId": 1, "createdAt": -1, "_id": -1], name: "userId_1_createdAt_-1__id_-1"),
        MongoIndex(
            collection: collection, keys: ["replyTo": 1, "createdAt": 1, "_id": 1], name: "replyTo_1_createdAt_1__id_1",
            partialFilter: ["replyTo": ["$exists": true]]),
        MongoIndex(
            collection: collection, keys: ["originalMessageId": 1, "createdAt": 1, "_id": 1],
            name: "originalMessageId_1_createdAt_1__id_1", partialFilter: ["originalMessageId": ["$exists": true]]),
        MongoIndex(collection: collection, keys: [MessageSearchGrams.field: 1], name: "searchGrams_1"),
    ]

    /// Parley's own former text index: search no longer uses it, and every write paid for it.
    /// The old Node server made none (it searched with `$regex`), so a text index of this name
    /// is Parley's.
    static let legacyIndexes: [MongoLegacyIndex] = [
        MongoLegacyIndex(collection: collection, name: "text_text", onlyIfUnique: false)
    ]

    static func document(for message: Message) throws -> BSONDocument {
        try BSONEncoder().encode(MessageDocument(message))
    }

    static func message(from document: BSONDocument) throws -> Message {
        do {
            return try BSONDecoder().decode(MessageDocument.self, from: document).message
        } catch {
            throw StoreError.corrupt("messages document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id)]
    }

    /// The only unique key of a message is its id, which the protocol calls `id`, not `_id`.
    static func mapError(_ error: any Error) -> any Error {
        guard case StoreError.duplicate(field: "_id") = error else { return error }
        return StoreError.duplicate(field: "id")
    }

    /// The order `find(ids:)` answers in, as the SQLite engine does.
    static func filter(ids: [ObjectId]) -> BSONDocument? {
        guard !ids.isEmpty else { return nil }
        return ["_id": ["$in": .array(ids.map(BSONValue.objectId))]]
    }

    static let idsOptions: BSONDocument = ["sort": .document(oldestFirst)]

    /// Live messages only: `$ne: true` also matches old documents without the flag.
    static let live: BSONValue = ["$ne": true]

    /// Live messages only, as the history index can serve them: `$in` of two values gives the
    /// planner point bounds on `isDeleted` (false, and null for old documents without the flag),
    /// so it merges already sorted walks; `$ne` would leave it two ranges and a blocking sort.
    static let liveInIndex: BSONValue = ["$in": [false, .null]]

    /// A live message by `id`, for the guarded tombstone and edit.
    static func liveFilter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id), "isDeleted": live]
    }

    // MARK: Replies

    /// Counts a new reply on its parent. `$max` keeps the newest time when a reply with an older
    /// date arrives late; a missing `replyCount` (old parent) starts at 0.
    static func replyAdded(at date: Date) -> BSONDocument {
        ["$inc": ["replyCount": 1], "$max": ["lastReplyAt": .date(date)]]
    }

    /// The parent of a reply that was just tombstoned, only while its count is positive: an old
    /// parent never counted the old server's replies, and must not go below zero.
    static func parentFilter(id: ObjectId) -> BSONDocument {
        ["_id": .objectId(id), "replyCount": ["$gt": 0]]
    }

    /// `lastReplyAt` stays: it records when the thread last had a reply.
    static let replyRemoved: BSONDocument = ["$inc": ["replyCount": -1]]

    /// Parley's replies name the parent in `replyTo`; the old server's reply copies name it in
    /// `originalMessageId`, and its REST API stored `replyTo` as a string. One plain equality per
    /// field and form: an equality with a value implies `$exists: true`, so each alternative can
    /// use its field's partial index (an `$in` might not be recognised as doing so).
    static func repliesFilter(parentId: ObjectId) -> BSONDocument {
        [
            "$or": [
                ["replyTo": .objectId(parentId)],
                ["replyTo": .string(parentId.hexString)],
                ["originalMessageId": .objectId(parentId)],
                ["originalMessageId": .string(parentId.hexString)],
            ]
        ]
    }

    /// Oldest first; nil when nothing can be returned (MongoDB reads a limit of 0 as "no limit").
    static func pageOptions(sort: BSONDocument, limit: Int, offset: Int) -> BSONDocument? {
        guard limit > 0 else { return nil }
        return ["sort": .document(sort), "skip": .int64(Int64(max(0, offset))), "limit": .int64(Int64(limit))]
    }

    // MARK: Lists across channels

    /// A user's live messages in the given channels; nil for no channels.
    static func byUserFilter(userId: ObjectId, channelIds: [ObjectId]) -> BSONDocument? {
        guard !channelIds.isEmpty else { return nil }
        return ["userId": LegacyIdMatch.any(userId), "channelId": LegacyIdMatch.any(of: channelIds), "isDeleted": live]
    }

    /// Live messages of the given channels (each once); nil for no channels. Sorted newest first
    /// with a limit, the server merges one short walk back per channel through the history
    /// index instead of sorting every message of every channel.
    static func recentFilter(channelIds: [ObjectId]) -> BSONDocument? {
        var seen = Set<ObjectId>()
        let channels = channelIds.filter { seen.insert($0).inserted }
        guard !channels.isEmpty else { return nil }
        return ["channelId": LegacyIdMatch.any(of: channels), "isDeleted": live]
    }

    // MARK: Edits and tombstones

    /// Only while the text is still the one the edit read: a concurrent edit in between makes
    /// this match nothing, and the edit is retried on the new text, so each recorded previous
    /// text is exactly the one replaced. `{text: null}` also matches a missing text.
    static func editFilter(id: ObjectId, currentText: String?) -> BSONDocument {
        ["_id": .objectId(id), "isDeleted": live, "text": currentText.map(BSONValue.string) ?? .null]
    }

    /// `editCount` numbers the versions, so edits made in the same millisecond keep their order.
    static func edit(text: String, mentions: [ObjectId], at date: Date) -> BSONDocument {
        [
            "$set": [
                "text": .string(text), "mentions": .array(mentions.map(BSONValue.objectId)), "isEdited": true,
                "editedAt": .date(date), "updatedAt": .date(date),
                MessageSearchGrams.field: .array(MessageSearchGrams.grams(of: text).map(BSONValue.string)),
            ],
            "$inc": ["editCount": 1],
        ]
    }

    /// Clears the content, including the old top-level copies of the attachment's name and size,
    /// and the search grams with it.
    static func tombstone(at date: Date) -> BSONDocument {
        [
            "$set": [
                "isDeleted": true, "deletedAt": .date(date), "updatedAt": .date(date), "text": nil, "imageUrl": nil,
                "fileUrl": nil, "attachment": nil, "fileName": nil, "fileSize": nil, "mentions": [],
                MessageSearchGrams.field: [],
            ]
        ]
    }
}
