import Foundation
import ParleyCore
import ParleyStore

/// The channels on MongoDB. Documents and queries come from `ChannelDocuments`; this type only
/// sequences the calls.
struct MongoChannelStore: ChannelStore {
    let collection: MongoCollection
    /// Writes wait for the unique (group, name) index, and for the old global name index to be
    /// gone.
    let indexes: IndexGate

    func insert(_ channel: Channel) async throws {
        let document = try ChannelDocuments.document(for: channel)
        try await indexes.ensure()
        do {
            try await collection.insertOne(document)
        } catch {
            throw ChannelDocuments.mapError(error)
        }
    }

    func find(id: ObjectId) async throws -> Channel? {
        try await collection.findOne(ChannelDocuments.filter(id: id)).map(ChannelDocuments.channel(from:))
    }

    func find(groupId: ObjectId, name: String) async throws -> Channel? {
        try await collection.findOne(ChannelDocuments.filter(groupId: groupId, name: name), options: ChannelDocuments.nameOptions)
            .map(ChannelDocuments.channel(from:))
    }

    func list(_ query: ChannelQuery) async throws -> Page<Channel> {
        guard let filter = ChannelDocuments.filter(for: query) else { return Page(items: [], total: 0) }
        async let documents = collection.find(filter, options: ChannelDocuments.listOptions(for: query.page))
        async let total = collection.countDocuments(filter)
        return Page(items: try await documents.map(ChannelDocuments.channel(from:)), total: try await total)
    }

    func update(id: ObjectId, _ changes: ChannelChanges, at date: Date) async throws -> Channel? {
        let update = try ChannelDocuments.update(changes, at: date)
        try await indexes.ensure()
        do {
            return try await collection.findOneAndUpdate(ChannelDocuments.filter(id: id), update: update)
                .map(ChannelDocuments.channel(from:))
        } catch {
            throw ChannelDocuments.mapError(error)
        }
    }

    func addMember(channelId: ObjectId, userId: ObjectId, at date: Date) async throws -> Channel? {
        try await collection.findOneAndUpdate(
            ChannelDocuments.filter(id: channelId), update: ChannelDocuments.addMember(userId: userId, at: date)
        ).map(ChannelDocuments.channel(from:))
    }

    func removeMember(channelId: ObjectId, userId: ObjectId, at date: Date) async throws -> Channel? {
        try await collection.findOneAndUpdate(
            ChannelDocuments.filter(id: channelId), update: ChannelDocuments.removeMember(userId: userId, at: date)
        ).map(ChannelDocuments.channel(from:))
    }

    func addMemberToPublicChannels(groupId: ObjectId, userId: ObjectId, at date: Date) async throws {
        _ = try await collection.updateMany(
            ChannelDocuments.publicChannelsFilter(groupId: groupId, missing: userId),
            update: ChannelDocuments.addMember(userId: userId, at: date))
    }

    func counts(groupIds: [ObjectId]?) async throws -> ChannelCounts {
        guard let pipeline = ChannelDocuments.countsPipeline(groupIds: groupIds) else {
            return ChannelCounts(total: 0, active: 0, byType: [:])
        }
        return try ChannelDocuments.counts(from: await collection.aggregate(pipeline))
    }
}
