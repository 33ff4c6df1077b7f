import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the channels repository (see `TimedStore`).
struct TimedChannelStore: ChannelStore {
    let base: any ChannelStore
    let timer: StoreTimer

    func insert(_ channel: Channel) async throws {
        try await timer.time("channels.insert(_:)") { try await base.insert(channel) }
    }

    func find(id: ObjectId) async throws -> Channel? {
        try await timer.time("channels.find(id:)") { try await base.find(id: id) }
    }

    func find(id: ObjectId, membersAmong userIds: [ObjectId]) async throws -> Channel? {
        try await timer.time("channels.find(id:membersAmong:)") { try await base.find(id: id, membersAmong: userIds) }
    }

    func find(groupId: ObjectId, name: String) async throws -> Channel? {
        try await timer.time("channels.find(groupId:name:)") { try await base.find(groupId: groupId, name: name) }
    }

    func list(_ query: ChannelQuery) async throws -> Page<Channel> {
        try await timer.time("channels.list(_:)") { try await base.list(query) }
    }

    func update(id: ObjectId, _ changes: ChannelChanges, at date: Date) async throws -> Channel? {
        try await timer.time("channels.update(id:_:at:)") { try await base.update(id: id, changes, at: date) }
    }

    func addMember(channelId: ObjectId, userId: ObjectId, at date: Date) async throws -> Channel? {
        try await timer.time("channels.addMember(channelId:userId:at:)") { try await base.addMember(channelId: channelId, userId: userId, at: date) }
    }

    func removeMember(channelId: ObjectId, userId: ObjectId, at date: Date) async throws -> Channel? {
        try await timer.time("channels.removeMember(channelId:userId:at:)") { try await base.removeMember(channelId: channelId, userId: userId, at: date) }
    }

    func addMemberToPublicChannels(groupId: ObjectId, userId: ObjectId, at date: Date) async throws {
        try await timer.time("channels.addMemberToPublicChannels(groupId:userId:at:)") { try await base.addMemberToPublicChannels(groupId: groupId, userId: userId, at: date) }
    }

    func counts(groupIds: [ObjectId]?) async throws -> ChannelCounts {
        try await timer.time("channels.counts(groupIds:)") { try await base.counts(groupIds: groupIds) }
    }
}
