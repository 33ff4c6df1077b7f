import ParleyCore

/// One entry of a world's `groups.json`, members included. The file also carries the old
/// server's `admins` list for other loaders; Parley reads a group's admins from its members' roles.
struct SeedGroupRecord: Decodable, Sendable {
    struct Member: Decodable, Sendable {
        let userId: ExtendedJSONObjectId
        let username: String
        let role: GroupMemberRole
        let joinedAt: ExtendedJSONDate
    }

    let key: String
    let id: ExtendedJSONObjectId
    let name: String
    let description: String
    let category: String
    let status: String?
    let isPrivate: Bool
    let isActive: Bool?
    let maxMembers: Int?
    let tags: [String]?
    let createdBy: ExtendedJSONObjectId
    let createdAt: ExtendedJSONDate
    let updatedAt: ExtendedJSONDate?
    let members: [Member]

    private enum CodingKeys: String, CodingKey {
        case key = "_key", id = "_id"
        case name, description, category, status, isPrivate, isActive, maxMembers, tags, createdBy, createdAt, updatedAt, members
    }

    var group: Group {
        Group(
            id: id.value, name: name, description: description, category: category, status: status ?? "active",
            isPrivate: isPrivate, isActive: isActive ?? true, maxMembers: maxMembers, tags: tags, createdBy: createdBy.value,
            createdAt: createdAt.value, updatedAt: updatedAt?.value,
            members: members.map {
                GroupMember(userId: $0.userId.value, username: $0.username, role: $0.role, joinedAt: $0.joinedAt.value)
            })
    }
}
