import Foundation
import ParleyCore
import ParleyStore

/// The aggregation behind `MessageStore.counts`: one `$group` per channel over the live
/// messages in scope gives the channel's total and how many are from `since` on; the overall
/// numbers are their sums.
enum MessageCountsDocuments {
    /// Nil when the scope is empty, so nothing is sent.
    static func pipeline(channelIds: [ObjectId]?, since: Date) -> [BSONValue]? {
        var match: BSONDocument = ["isDeleted": MessageDocuments.live]
        if let channelIds {
            guard !channelIds.isEmpty else { return nil }
            match["channelId"] = LegacyIdMatch.any(of: channelIds)
        }
        return [
            .document(["$match": .document(match)]),
            [
                "$group": [
                    "_id": "$channelId",
                    "total": ["$sum": 1],
                    "since": ["$sum": ["$cond": [["$gte": ["$createdAt", .date(since)]], 1, 0]]],
                ]
            ],
        ]
    }

    /// Groups of one channel under both id forms are added up. An old message whose channelId is
    /// missing or no id still counts in the totals, but belongs to no channel.
    static func counts(from results: [BSONDocument]) throws -> MessageCounts {
        var counts = MessageCounts(total: 0, since: 0, byChannel: [:])
        for result in results {
            guard let total = result["total"]?.intValue, let since = result["since"]?.intValue else {
                throw StoreError.corrupt("message counts: unexpected result \(result)")
            }
            counts.total += total
            counts.since += since
            if let channelId = LenientObjectId.id(in: result["_id"]) { counts.byChannel[channelId, default: 0] += total }
        }
        return counts
    }
}
