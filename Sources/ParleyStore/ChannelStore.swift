import Foundation
import ParleyCore

public struct ChannelQuery: Sendable, Equatable {
    public var groupIds: [ObjectId]?
    public var search: String?
    public var type: String?
    public var isActive: Bool?
    public var includeArchived: Bool
    public var page: PageRequest?

    public init(
        groupIds: [ObjectId]? = nil, search: String? = nil, type: String? = nil, isActive: Bool? = nil,
        includeArchived: Bool = false, page: PageRequest? = nil
    ) {
        self.groupIds = groupIds
        self.search = search
        self.type = type
        self.isActive = isActive
        self.includeArchived = includeArchived
        self.page = page
    }
}

public struct ChannelChanges: Sendable, Equatable {
    public var name: String?
    public var description: String?
    public var type: String?
    public var isPrivate: Bool?
    public var isActive: Bool?
    public var maxMembers: Int??
    public var settings: ChannelSettings?
    public var archivedAt: Date??

    public init(
        name: String? = nil, description: String? = nil, type: String? = nil, isPrivate: Bool? = nil,
        isActive: Bool? = nil, maxMembers: Int?? = nil, settings: ChannelSettings? = nil, archivedAt: Date?? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.isPrivate = isPrivate
        self.isActive = isActive
        self.maxMembers = maxMembers
        self.settings = settings
        self.archivedAt = archivedAt
    }
}

public struct ChannelCounts: Sendable, Equatable {
    public var total: Int
    public var active: Int
    public var byType: [String: Int]

    public init(total: Int, active: Int, byType: [String: Int]) {
        self.total = total
        self.active = active
        self.byType = byType
    }
}

/// Channels. Names are unique within a group, without regard to case
/// (`StoreError.duplicate(field: "name")`).
public protocol ChannelStore: Sendable {
    func insert(_ channel: Channel) async throws
    func find(id: ObjectId) async throws -> Channel?
    /// The channel with only the member (and admin) entries of `userIds`, for permission
    /// checks whose cost should not grow with the channel; see `GroupStore`.
    func find(id: ObjectId, membersAmong userIds: [ObjectId]) async throws -> Channel?
    func find(groupId: ObjectId, name: String) async throws -> Channel?
    /// Sorted by group, then creation time. `page` nil returns every match.
    func list(_ query: ChannelQuery) async throws -> Page<Channel>
    func update(id: ObjectId, _ changes: ChannelChanges, at date: Date) async throws -> Channel?
    /// Idempotent; nil when the channel does not exist.
    func addMember(channelId: ObjectId, userId: ObjectId, at date: Date) async throws -> Channel?
    func removeMember(channelId: ObjectId, userId: ObjectId, at date: Date) async throws -> Channel?
    /// Adds the user to every public, unarchived channel of the group (on joining a group).
    func addMemberToPublicChannels(groupId: ObjectId, userId: ObjectId, at date: Date) async throws
    func counts(groupIds: [ObjectId]?) async throws -> ChannelCounts
}

extension ChannelStore {
    /// Loads the whole channel and keeps the entries asked for.
    public func find(id: ObjectId, membersAmong userIds: [ObjectId]) async throws -> Channel? {
        try await find(id: id)?.keepingMembers(among: userIds)
    }
}

extension Channel {
    /// The channel with only the member and admin entries of `userIds` (see
    /// `find(id:membersAmong:)`).
    public func keepingMembers(among userIds: [ObjectId]) -> Channel {
        let wanted = Set(userIds)
        var channel = self
        channel.members = members.filter(wanted.contains)
        channel.admins = admins.filter(wanted.contains)
        return channel
    }
}
