import Foundation
import ParleyCore
import ParleyStore

/// Calls on MongoDB. Documents and queries come from `VideoCallDocuments`.
struct MongoVideoCallStore: VideoCallStore {
    let collection: MongoCollection

    func insert(_ call: VideoCall) async throws {
        try await collection.insertOne(VideoCallDocuments.document(for: call))
    }

    func find(id: ObjectId) async throws -> VideoCall? {
        try await collection.findOne(VideoCallDocuments.filter(id: id)).map(VideoCallDocuments.call(from:))
    }

    func transition(id: ObjectId, _ transition: CallTransition) async throws -> VideoCall? {
        try await collection.findOneAndUpdate(
            VideoCallDocuments.transitionFilter(id: id, from: transition.from), update: VideoCallDocuments.transitionUpdate(transition)
        ).map(VideoCallDocuments.call(from:))
    }

    func history(userId: ObjectId, status: CallStatus?, limit: Int, offset: Int) async throws -> [VideoCall] {
        guard let options = VideoCallDocuments.historyOptions(limit: limit, offset: offset) else { return [] }
        return try await collection.find(VideoCallDocuments.historyFilter(userId: userId, status: status), options: options)
            .map(VideoCallDocuments.call(from:))
    }

    func active(userId: ObjectId) async throws -> [VideoCall] {
        try await collection.find(VideoCallDocuments.activeFilter(userId: userId), options: ["sort": ["startTime": -1]])
            .map(VideoCallDocuments.call(from:))
    }

    func ringing(before: Date) async throws -> [VideoCall] {
        try await collection.find(VideoCallDocuments.ringingFilter(before: before), options: ["sort": ["startTime": 1]])
            .map(VideoCallDocuments.call(from:))
    }

    func stats(userId: ObjectId) async throws -> CallStats {
        VideoCallDocuments.stats(from: try await collection.aggregate(VideoCallDocuments.statsPipeline(userId: userId)))
    }
}
