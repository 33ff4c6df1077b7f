import ParleyCore

/// One entry of a world's `channels.json`. `settings` may give some of the channel settings;
/// the others keep their defaults.
struct SeedChannelRecord: Decodable, Sendable {
    struct Settings: Decodable, Sendable {
        let slowMode: Int?
        let requireApproval: Bool?
        let allowReactions: Bool?
        let allowPolls: Bool?
    }

    let key: String
    let id: ExtendedJSONObjectId
    let groupId: ExtendedJSONObjectId
    let name: String
    let description: String
    let type: String
    let isPrivate: Bool
    let isActive: Bool?
    let maxMembers: Int?
    let settings: Settings?
    let members: [ExtendedJSONObjectId]
    let admins: [ExtendedJSONObjectId]
    let createdBy: ExtendedJSONObjectId
    let createdAt: ExtendedJSONDate
    let updatedAt: ExtendedJSONDate?

    private enum CodingKeys: String, CodingKey {
        case key = "_key", id = "_id"
        case groupId, name, description, type, isPrivate, isActive, maxMembers, settings, members, admins, createdBy
        case createdAt, updatedAt
    }

    var channel: Channel {
        let defaults = ChannelSettings()
        let channelSettings = ChannelSettings(
            slowMode: settings?.slowMode ?? defaults.slowMode,
            requireApproval: settings?.requireApproval ?? defaults.requireApproval,
            allowReactions: settings?.allowReactions ?? defaults.allowReactions,
            allowPolls: settings?.allowPolls ?? defaults.allowPolls)
        return Channel(
            id: id.value, groupId: groupId.value, name: name, description: description, type: type, isPrivate: isPrivate,
            isActive: isActive ?? true, maxMembers: maxMembers, settings: channelSettings, members: members.map(\.value),
            admins: admins.map(\.value), createdBy: createdBy.value, createdAt: createdAt.value, updatedAt: updatedAt?.value)
    }
}
