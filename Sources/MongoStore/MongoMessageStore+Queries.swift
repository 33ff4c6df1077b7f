import Foundation
import ParleyCore
import ParleyStore

extension MongoMessageStore {
    func search(_ search: MessageSearch) async throws -> Page<Message> {
        guard let query = MessageSearchDocuments.query(for: search) else { return Page(items: [], total: 0) }
        let total = try await messages.countDocuments(query.filter)
        guard let pipeline = query.pipeline else { return Page(items: [], total: total) }
        let items = try await messages.aggregate(pipeline).map(MessageDocuments.message(from:))
        return Page(items: items, total: total)
    }

    func markRead(userId: ObjectId, channelId: ObjectId, at date: Date) async throws {
        try await readState.upsertOne(
            ReadStateDocuments.filter(userId: userId, channelId: channelId),
            replacement: ReadStateDocuments.document(userId: userId, channelId: channelId, at: date))
    }

    func unreadCounts(userId: ObjectId, channelIds: [ObjectId]) async throws -> [ObjectId: Int] {
        guard !channelIds.isEmpty else { return [:] }
        // Two round trips: the user's marks for these channels (by key), then one aggregation
        // that starts each channel's count at its mark.
        let marks = try await readState.find(ReadStateDocuments.filter(userId: userId, channelIds: channelIds))
        guard
            let pipeline = ReadStateDocuments.unreadPipeline(
                userId: userId, channelIds: channelIds, readTimes: ReadStateDocuments.readTimes(from: marks))
        else { return [:] }
        return try ReadStateDocuments.unreadCounts(from: await messages.aggregate(pipeline))
    }

    func counts(channelIds: [ObjectId]?, since: Date) async throws -> MessageCounts {
        guard let pipeline = MessageCountsDocuments.pipeline(channelIds: channelIds, since: since) else {
            return MessageCounts(total: 0, since: 0, byChannel: [:])
        }
        return try MessageCountsDocuments.counts(from: await messages.aggregate(pipeline))
    }
}

extension MongoMessageStore {
    /// Gives every old message its search grams (`MessageSearchBackfill`); returns how many.
    /// Until it is done, search still finds such messages by their text alone. Stops when a
    /// batch changes nothing, so a document it cannot update is never retried forever.
    func backfillSearchGrams() async throws -> Int {
        var total = 0
        while true {
            let batch = try await messages.find(MessageSearchBackfill.pendingFilter, options: MessageSearchBackfill.batchOptions)
            var changed = 0
            for document in batch {
                guard let write = MessageSearchBackfill.update(for: document) else { continue }
                changed += try await messages.updateOne(write.filter, update: write.update).modifiedCount
            }
            total += changed
            if batch.count < MessageSearchBackfill.batchSize || changed == 0 { return total }
        }
    }
}
