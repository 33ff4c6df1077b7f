import Foundation
import ParleyCore

/// A `channels` document in the old Node server's shape (spec §3.5) plus `archivedAt`.
///
/// Written with ObjectIds for `groupId`, `createdBy`, `members` and `admins`, and every admin
/// also listed as a member (as the SQLite engine keeps them). Read leniently: the old API
/// stored `groupId` and `createdBy` as strings and created channels without `members`,
/// `admins` or a full `settings`; a missing type is "text", isActive true, isPrivate false,
/// and a null name or description is "".
struct ChannelDocument: Encodable, Decodable, Equatable {
    var id: ObjectId
    var groupId: ObjectId
    var name: String
    var description: String
    var type: String
    var isPrivate: Bool
    var isActive: Bool
    var maxMembers: Int?
    var settings: ChannelSettings
    var members: [ObjectId]
    var admins: [ObjectId]
    var createdBy: ObjectId
    var createdAt: Date
    var updatedAt: Date
    var archivedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case groupId, name, description, type, isPrivate, isActive, maxMembers, settings, members, admins, createdBy
        case createdAt, updatedAt, archivedAt
    }

    init(_ channel: Channel) {
        id = channel.id
        groupId = channel.groupId
        name = channel.name
        description = channel.description
        type = channel.type
        isPrivate = channel.isPrivate
        isActive = channel.isActive
        maxMembers = channel.maxMembers
        settings = channel.settings
        (members, admins) = Self.membership(members: channel.members, admins: channel.admins)
        createdBy = channel.createdBy
        createdAt = channel.createdAt
        updatedAt = channel.updatedAt
        archivedAt = channel.archivedAt
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ObjectId.self, forKey: .id)
        groupId = try Self.requiredId(container, .groupId)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        type = try container.decodeIfPresent(String.self, forKey: .type) ?? "text"
        isPrivate = try container.decodeIfPresent(Bool.self, forKey: .isPrivate) ?? false
        isActive = try container.decodeIfPresent(Bool.self, forKey: .isActive) ?? true
        maxMembers = try container.decodeIfPresent(Int.self, forKey: .maxMembers)
        settings = try container.decodeIfPresent(ChannelSettingsDocument.self, forKey: .settings)?.settings ?? ChannelSettings()
        let storedMembers = try container.decodeIfPresent([LenientObjectId].self, forKey: .members)?.compactMap(\.id) ?? []
        let storedAdmins = try container.decodeIfPresent([LenientObjectId].self, forKey: .admins)?.compactMap(\.id) ?? []
        (members, admins) = Self.membership(members: storedMembers, admins: storedAdmins)
        createdBy = try Self.requiredId(container, .createdBy)
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt) ?? id.timestamp
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt) ?? createdAt
        archivedAt = try container.decodeIfPresent(Date.self, forKey: .archivedAt)
    }

    var channel: Channel {
        Channel(
            id: id, groupId: groupId, name: name, description: description, type: type, isPrivate: isPrivate,
            isActive: isActive, maxMembers: maxMembers, settings: settings, members: members, admins: admins,
            createdBy: createdBy, createdAt: createdAt, updatedAt: updatedAt, archivedAt: archivedAt)
    }

    /// Each id once; members in their order followed by any admin not among them; admins in
    /// that same member order. Old data may list an id twice, or in both its forms.
    static func membership(members: [ObjectId], admins: [ObjectId]) -> (members: [ObjectId], admins: [ObjectId]) {
        var seen = Set<ObjectId>()
        let everyone = (members + admins).filter { seen.insert($0).inserted }
        let adminIds = Set(admins)
        return (everyone, everyone.filter(adminIds.contains))
    }

    /// An ObjectId or its 24-hex string; anything else makes the document unreadable.
    private static func requiredId(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> ObjectId {
        guard let id = try container.decodeIfPresent(LenientObjectId.self, forKey: key)?.id else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(key.stringValue) is missing or not an id")
        }
        return id
    }
}
