import Foundation
import ParleyCore
import ParleyStore

/// Messages on MongoDB. Documents and queries come from `MessageDocuments` and its siblings;
/// this type only sequences the calls. Search, read state and counts are in
/// `MongoMessageStore+Queries.swift`.
///
/// MongoDB gives no transaction here (they need a replica set, and a shared old deployment may
/// be a single server), so the operations the protocol describes as one — a reply and its
/// parent's counter, an edit and its recorded version — are two writes in the order that
/// leaves the safer state if the second never happens. Each is explained where it is made.
struct MongoMessageStore: MessageStore {
    let messages: MongoCollection
    let edits: MongoCollection
    let readState: MongoCollection
    /// Writes wait for the indexes.
    let indexes: IndexGate

    /// How often an edit is tried again when another edit changed the text between its read and
    /// its write.
    static let editAttempts = 5

    func insert(_ message: Message) async throws {
        let document = try MessageDocuments.document(for: message)
        try await indexes.ensure()
        // The reply first, then its parent's counter: if the insert fails (a duplicate id) the
        // parent is untouched, and if the process stops in between, the count is one low rather
        // than counting a reply that does not exist. A tombstoned reply does not count.
        do {
            try await messages.insertOne(document)
        } catch {
            throw MessageDocuments.mapError(error)
        }
        if let parentId = message.replyTo, !message.isDeleted {
            _ = try await messages.updateOne(
                MessageDocuments.filter(id: parentId), update: MessageDocuments.replyAdded(at: message.createdAt))
        }
    }

    func insertMissing(_ batch: [Message]) async throws -> Int {
        guard let filter = MessageDocuments.filter(ids: batch.map(\.id)) else { return 0 }
        try await indexes.ensure()
        // Which ids are already there, then one insert_many for the rest: a rerun of a seed
        // finds them all and writes nothing.
        let stored = try await messages.find(filter, options: ["projection": ["_id": 1]])
        let storedIds = Set(stored.compactMap { document -> ObjectId? in
            if case .objectId(let id)? = document["_id"] { return id }
            return nil
        })
        let missing = batch.filter { !storedIds.contains($0.id) }
        do {
            try await messages.insertMany(try missing.map(MessageDocuments.document(for:)))
        } catch {
            throw MessageDocuments.mapError(error)
        }
        // Counters after the replies exist, as `insert` does (see there).
        for reply in missing where !reply.isDeleted {
            guard let parentId = reply.replyTo else { continue }
            _ = try await messages.updateOne(
                MessageDocuments.filter(id: parentId), update: MessageDocuments.replyAdded(at: reply.createdAt))
        }
        return missing.count
    }

    func find(id: ObjectId) async throws -> Message? {
        try await messages.findOne(MessageDocuments.filter(id: id)).map(MessageDocuments.message(from:))
    }

    func find(ids: [ObjectId]) async throws -> [Message] {
        guard let filter = MessageDocuments.filter(ids: ids) else { return [] }
        return try await messages.find(filter, options: MessageDocuments.idsOptions).map(MessageDocuments.message(from:))
    }

    func history(channelId: ObjectId, window: HistoryWindow, includingDeleted: Bool) async throws -> [Message]? {
        let query: MessageHistoryDocuments.Query?
        switch window {
        case .latest(let limit, let offset):
            query = MessageHistoryDocuments.latest(channelId: channelId, limit: limit, offset: offset, includingDeleted: includingDeleted)
        case .before(let cursorId, let limit):
            guard let cursor = try await cursor(cursorId, channelId: channelId) else { return nil }
            query = MessageHistoryDocuments.before(channelId: channelId, cursor: cursor, limit: limit, includingDeleted: includingDeleted)
        case .after(let cursorId, let limit):
            guard let cursor = try await cursor(cursorId, channelId: channelId) else { return nil }
            query = MessageHistoryDocuments.after(channelId: channelId, cursor: cursor, limit: limit, includingDeleted: includingDeleted)
        }
        guard let query else { return [] }
        let page = try await messages.find(query.filter, options: query.options).map(MessageDocuments.message(from:))
        return query.newestFirst ? page.reversed() : page
    }

    private func cursor(_ id: ObjectId, channelId: ObjectId) async throws -> MessageHistoryDocuments.Cursor? {
        try await messages.findOne(MessageHistoryDocuments.cursorFilter(id: id, channelId: channelId))
            .map(MessageHistoryDocuments.cursor(from:))
    }

    func messages(byUser userId: ObjectId, inChannels channelIds: [ObjectId], limit: Int, offset: Int) async throws
        -> [Message]
    {
        guard let filter = MessageDocuments.byUserFilter(userId: userId, channelIds: channelIds),
            let options = MessageDocuments.pageOptions(sort: MessageDocuments.newestFirst, limit: limit, offset: offset)
        else { return [] }
        return try await messages.find(filter, options: options).map(MessageDocuments.message(from:))
    }

    func replies(to parentId: ObjectId, limit: Int, offset: Int) async throws -> Page<Message> {
        // Deleted replies stay in the thread as tombstones, and in the total, as in the history.
        let filter = MessageDocuments.repliesFilter(parentId: parentId)
        let total = try await messages.countDocuments(filter)
        guard let options = MessageDocuments.pageOptions(sort: MessageDocuments.oldestFirst, limit: limit, offset: offset)
        else { return Page(items: [], total: total) }
        let items = try await messages.find(filter, options: options).map(MessageDocuments.message(from:))
        return Page(items: items, total: total)
    }

    func edit(id: ObjectId, text: String, mentions: [ObjectId], by editor: ObjectId, at date: Date) async throws -> Message? {
        let update = MessageDocuments.edit(text: text, mentions: mentions, at: date)
        for _ in 0..<Self.editAttempts {
            guard let current = try await messages.findOne(MessageDocuments.liveFilter(id: id)) else { return nil }
            let previousText = try MessageDocuments.message(from: current).text
            guard
                let edited = try await messages.findOneAndUpdate(
                    MessageDocuments.editFilter(id: id, currentText: previousText), update: update)
            else { continue }  // edited or deleted meanwhile: read again
            // The version is recorded after the change it describes: a version that was never
            // replaced must not appear in the history, while a missing one (the process stopped
            // in between) only loses an old text.
            let record = MessageEdit(
                id: ObjectId(date: date), messageId: id, previousText: previousText, editedBy: editor, editedAt: date)
            try await edits.insertOne(MessageEditDocuments.document(for: record, editedMessage: edited))
            return try MessageDocuments.message(from: edited)
        }
        throw StoreError.unavailable("message \(id) kept changing; edit given up after \(Self.editAttempts) attempts")
    }

    func edits(of messageId: ObjectId) async throws -> [MessageEdit] {
        try await edits.find(MessageEditDocuments.filter(messageId: messageId), options: MessageEditDocuments.listOptions)
            .map(MessageEditDocuments.edit(from:))
    }

    func tombstone(id: ObjectId, at date: Date) async throws -> Message? {
        // Guarded on "not deleted yet", so of two concurrent deletes only one gets a document
        // back, and only that one uncounts a reply on its parent.
        guard
            let deleted = try await messages.findOneAndUpdate(
                MessageDocuments.liveFilter(id: id), update: MessageDocuments.tombstone(at: date))
        else {
            // Absent, or deleted already and returned unchanged.
            return try await find(id: id)
        }
        let message = try MessageDocuments.message(from: deleted)
        if let parentId = message.replyTo {
            _ = try await messages.updateOne(MessageDocuments.parentFilter(id: parentId), update: MessageDocuments.replyRemoved)
        }
        return message
    }

    func recent(inChannels channelIds: [ObjectId], limit: Int) async throws -> [Message] {
        guard let filter = MessageDocuments.recentFilter(channelIds: channelIds),
            let options = MessageDocuments.pageOptions(sort: MessageDocuments.newestFirst, limit: limit, offset: 0)
        else { return [] }
        return try await messages.find(filter, options: options).map(MessageDocuments.message(from:))
    }
}
