import Foundation
import ParleyCore

/// Filters for listing groups. Text is matched literally and without regard to case against
/// name and description.
public struct GroupQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        case createdAt, updatedAt, name
    }

    public var search: String?
    public var status: String?
    public var category: String?
    public var isPrivate: Bool?
    public var includeArchived: Bool
    /// Only groups this user belongs to.
    public var memberId: ObjectId?
    /// Only groups this user administers.
    public var adminId: ObjectId?
    /// Only groups this user may see: public ones and private ones they belong to.
    public var visibleTo: ObjectId?
    public var sort: Sort
    public var ascending: Bool
    public var page: PageRequest

    public init(
        search: String? = nil, status: String? = nil, category: String? = nil, isPrivate: Bool? = nil,
        includeArchived: Bool = false, memberId: ObjectId? = nil, adminId: ObjectId? = nil, visibleTo: ObjectId? = nil, sort: Sort = .createdAt,
        ascending: Bool = false, page: PageRequest = PageRequest()
    ) {
        self.search = search
        self.status = status
        self.category = category
        self.isPrivate = isPrivate
        self.includeArchived = includeArchived
        self.memberId = memberId
        self.adminId = adminId
        self.visibleTo = visibleTo
        self.sort = sort
        self.ascending = ascending
        self.page = page
    }
}

/// Changes to a group's own fields (not its members). Nil leaves a field alone; for optional
/// fields a `.some(nil)` clears it.
public struct GroupChanges: Sendable, Equatable {
    public var name: String?
    public var description: String?
    public var category: String?
    public var status: String?
    public var isPrivate: Bool?
    public var isActive: Bool?
    public var maxMembers: Int??
    public var avatar: String??
    public var tags: [String]??
    public var rules: [String]??
    /// `.some(date)` archives, `.some(nil)` restores.
    public var archivedAt: Date??

    public init(
        name: String? = nil, description: String? = nil, category: String? = nil, status: String? = nil,
        isPrivate: Bool? = nil, isActive: Bool? = nil, maxMembers: Int?? = nil, avatar: String?? = nil,
        tags: [String]?? = nil, rules: [String]?? = nil, archivedAt: Date?? = nil
    ) {
        self.name = name
        self.description = description
        self.category = category
        self.status = status
        self.isPrivate = isPrivate
        self.isActive = isActive
        self.maxMembers = maxMembers
        self.avatar = avatar
        self.tags = tags
        self.rules = rules
        self.archivedAt = archivedAt
    }
}

/// Figures for dashboards.
public struct GroupCounts: Sendable, Equatable {
    public var total: Int
    public var active: Int
    public var privateGroups: Int
    public var archived: Int
    public var memberships: Int

    public init(total: Int, active: Int, privateGroups: Int, archived: Int, memberships: Int) {
        self.total = total
        self.active = active
        self.privateGroups = privateGroups
        self.archived = archived
        self.memberships = memberships
    }
}

/// The groups aggregate, members included. Group names are unique without regard to case
/// (`StoreError.duplicate(field: "name")`). Membership writes also keep `user.groups` in step,
/// in the same operation, so the two sides cannot drift.
public protocol GroupStore: Sendable {
    /// Inserts the group with its initial members.
    func insert(_ group: Group) async throws
    func find(id: ObjectId) async throws -> Group?
    /// The group with only the member entries of `userIds`: enough to decide what those users
    /// may do, at a cost that does not grow with the group. Its `members` is not the group's
    /// member list; use it for permission checks only.
    func find(id: ObjectId, membersAmong userIds: [ObjectId]) async throws -> Group?
    func find(ids: [ObjectId]) async throws -> [Group]
    func list(_ query: GroupQuery) async throws -> Page<Group>
    func update(id: ObjectId, _ changes: GroupChanges, at date: Date) async throws -> Group?
    /// Adds a member, or changes the role of an existing one; never duplicates. Nil when the
    /// group does not exist.
    func upsertMember(groupId: ObjectId, _ member: GroupMember, at date: Date) async throws -> Group?
    /// Removes a member from the group and from all of the group's channels. Nil when the
    /// group does not exist.
    func removeMember(groupId: ObjectId, userId: ObjectId, at date: Date) async throws -> Group?
    /// Counts over the groups `adminId` administers (nil: all groups). `archived` groups are
    /// counted only in `archived`; `memberships` sums the member counts of unarchived groups.
    func counts(administeredBy adminId: ObjectId?) async throws -> GroupCounts
}

extension GroupStore {
    /// Loads the whole group and keeps the entries asked for (stores that hold a group in one
    /// document read it whole anyway).
    public func find(id: ObjectId, membersAmong userIds: [ObjectId]) async throws -> Group? {
        try await find(id: id)?.keepingMembers(among: userIds)
    }
}

extension Group {
    /// The group with only the member entries of `userIds` (see `find(id:membersAmong:)`).
    public func keepingMembers(among userIds: [ObjectId]) -> Group {
        let wanted = Set(userIds)
        var group = self
        group.members = members.filter { wanted.contains($0.userId) }
        return group
    }
}
