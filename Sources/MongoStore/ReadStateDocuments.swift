import Foundation
import ParleyCore
import ParleyStore

/// The `readState` collection (a Parley collection; the old server had none) and the unread
/// count over `messages` that uses it. One document per user and channel, whose `_id` is
/// "<userId>:<channelId>": the key itself keeps it unique and serves every lookup, so the
/// collection needs no index of its own.
enum ReadStateDocuments {
    static let collection = "readState"

    static func key(userId: ObjectId, channelId: ObjectId) -> String {
        "\(userId.hexString):\(channelId.hexString)"
    }

    static func filter(userId: ObjectId, channelId: ObjectId) -> BSONDocument {
        ["_id": .string(key(userId: userId, channelId: channelId))]
    }

    /// The whole document, replaced on every mark: the last mark wins, as in the SQLite engine.
    static func document(userId: ObjectId, channelId: ObjectId, at date: Date) -> BSONDocument {
        [
            "_id": .string(key(userId: userId, channelId: channelId)), "userId": .objectId(userId),
            "channelId": .objectId(channelId), "lastReadAt": .date(date),
        ]
    }

    /// The user's marks for these channels.
    static func filter(userId: ObjectId, channelIds: [ObjectId]) -> BSONDocument {
        ["_id": ["$in": .array(channelIds.map { .string(key(userId: userId, channelId: $0)) })]]
    }

    /// Channel → last read time. A document without both is ignored (the channel counts as never read).
    static func readTimes(from documents: [BSONDocument]) -> [ObjectId: Date] {
        var times = [ObjectId: Date]()
        for document in documents {
            guard let channelId = LenientObjectId.id(in: document["channelId"]),
                case .date(let date)? = document["lastReadAt"]
            else { continue }
            times[channelId] = date
        }
        return times
    }

    /// One aggregation over `messages`: the live messages by others in the channels, each
    /// channel from its read mark on (strictly after it) or from the start if never read,
    /// counted per channel. Each `$or` branch is a range of the history index that starts at the
    /// mark, so only unread messages are read. Nil for no channels.
    static func unreadPipeline(userId: ObjectId, channelIds: [ObjectId], readTimes: [ObjectId: Date]) -> [BSONValue]? {
        var seen = Set<ObjectId>()
        let channels = channelIds.filter { seen.insert($0).inserted }
        guard !channels.isEmpty else { return nil }
        var branches = [BSONValue]()
        var neverRead = [ObjectId]()
        for channelId in channels {
            if let readAt = readTimes[channelId] {
                branches.append(["channelId": LegacyIdMatch.any(channelId), "createdAt": ["$gt": .date(readAt)]])
            } else {
                neverRead.append(channelId)
            }
        }
        if !neverRead.isEmpty { branches.append(["channelId": LegacyIdMatch.any(of: neverRead)]) }
        return [
            [
                "$match": [
                    "channelId": LegacyIdMatch.any(of: channels), "userId": LegacyIdMatch.none(userId),
                    "isDeleted": MessageDocuments.live, "$or": .array(branches),
                ]
            ],
            ["$group": ["_id": "$channelId", "count": ["$sum": 1]]],
        ]
    }

    /// Channel → unread count. A channel stored under both id forms arrives as two groups,
    /// which are added up.
    static func unreadCounts(from results: [BSONDocument]) throws -> [ObjectId: Int] {
        var counts = [ObjectId: Int]()
        for result in results {
            guard let channelId = LenientObjectId.id(in: result["_id"]), let count = result["count"]?.intValue else {
                throw StoreError.corrupt("unread counts: unexpected result \(result)")
            }
            counts[channelId, default: 0] += count
        }
        return counts.filter { $0.value > 0 }
    }
}
