import Foundation
import ParleyCore

/// A `groups` document in the old Node server's shape (spec §3.4) plus `archivedAt`.
///
/// Written: `members` as `{userId, username, role, joinedAt}` AND `admins` (the ids of the
/// members whose role is admin), so old clients and queries that read either still work; and
/// `isDeleted`/`deletedAt` mirroring `archivedAt`, so the old server's "not deleted" filters
/// agree with Parley's "not archived".
///
/// Read leniently, as the old server may have left it: `createdBy` and admin ids may be strings;
/// members are merged with `admins` by `GroupMembership`; the old soft delete
/// (`isDeleted: true`) reads as archived at `deletedAt`, else `updatedAt`; a missing category is
/// "general", status "active", isActive true, isPrivate false; a null name or description is "".
struct GroupDocument: Codable, Equatable {
    var id: ObjectId
    var name: String
    var description: String
    var category: String
    var status: String
    var isPrivate: Bool
    var isActive: Bool
    var maxMembers: Int?
    var avatar: String?
    var tags: [String]?
    var rules: [String]?
    var createdBy: ObjectId
    var createdAt: Date
    var updatedAt: Date
    var archivedAt: Date?
    var isDeleted: Bool
    var deletedAt: Date?
    var members: [GroupMemberDocument]
    var admins: [ObjectId]

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case name, description, category, status, isPrivate, isActive, maxMembers, avatar, tags, rules, createdBy
        case createdAt, updatedAt, archivedAt, isDeleted, deletedAt, members, admins
    }

    init(_ group: Group) {
        id = group.id
        name = group.name
        description = group.description
        category = group.category
        status = group.status
        isPrivate = group.isPrivate
        isActive = group.isActive
        maxMembers = group.maxMembers
        avatar = group.avatar
        tags = group.tags
        rules = group.rules
        createdBy = group.createdBy
        createdAt = group.createdAt
        updatedAt = group.updatedAt
        archivedAt = group.archivedAt
        isDeleted = group.archivedAt != nil
        deletedAt = group.archivedAt
        let members = GroupMembership.unique(group.members)
        self.members = members.map(GroupMemberDocument.init)
        admins = members.filter { $0.role == .admin }.map(\.userId)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ObjectId.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        category = try container.decodeIfPresent(String.self, forKey: .category) ?? "general"
        status = try container.decodeIfPresent(String.self, forKey: .status) ?? "active"
        isPrivate = try container.decodeIfPresent(Bool.self, forKey: .isPrivate) ?? false
        isActive = try container.decodeIfPresent(Bool.self, forKey: .isActive) ?? true
        maxMembers = try container.decodeIfPresent(Int.self, forKey: .maxMembers)
        avatar = try container.decodeIfPresent(String.self, forKey: .avatar)
        tags = try container.decodeIfPresent([String].self, forKey: .tags)
        rules = try container.decodeIfPresent([String].self, forKey: .rules)
        guard let creator = try container.decodeIfPresent(LenientObjectId.self, forKey: .createdBy)?.id else {
            throw DecodingError.dataCorruptedError(
                forKey: .createdBy, in: container, debugDescription: "createdBy is missing or not an id")
        }
        createdBy = creator
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt) ?? id.timestamp
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt) ?? createdAt
        let softDeleted = try container.decodeIfPresent(Bool.self, forKey: .isDeleted) ?? false
        let deletedAt = try container.decodeIfPresent(Date.self, forKey: .deletedAt)
        archivedAt =
            try container.decodeIfPresent(Date.self, forKey: .archivedAt)
            ?? (softDeleted ? deletedAt ?? updatedAt : nil)
        isDeleted = archivedAt != nil
        self.deletedAt = archivedAt
        let entries = try container.decodeIfPresent([LenientGroupMember].self, forKey: .members) ?? []
        let adminIds = try container.decodeIfPresent([LenientObjectId].self, forKey: .admins)?.compactMap(\.id) ?? []
        let members = GroupMembership.members(from: entries, admins: adminIds, createdAt: createdAt)
        self.members = members.map(GroupMemberDocument.init)
        admins = members.filter { $0.role == .admin }.map(\.userId)
    }

    var group: Group {
        Group(
            id: id, name: name, description: description, category: category, status: status, isPrivate: isPrivate,
            isActive: isActive, maxMembers: maxMembers, avatar: avatar, tags: tags, rules: rules, createdBy: createdBy,
            createdAt: createdAt, updatedAt: updatedAt, archivedAt: archivedAt, members: members.map(\.member))
    }
}
