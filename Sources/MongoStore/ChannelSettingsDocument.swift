import ParleyCore

/// `channels.settings`, read key by key: a key the old server did not write (it wrote only the
/// upload settings at creation) takes `ChannelSettings`' default. Written as `ChannelSettings`
/// encodes itself, every key present.
struct ChannelSettingsDocument: Decodable, Equatable {
    var settings: ChannelSettings

    private enum CodingKeys: String, CodingKey {
        case slowMode, requireApproval, allowReactions, allowPolls, allowFileUploads, allowImageUploads
        case allowVideoUploads, maxFileSize, allowedFileTypes
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ChannelSettings()
        settings = ChannelSettings(
            slowMode: try container.decodeIfPresent(Int.self, forKey: .slowMode) ?? defaults.slowMode,
            requireApproval: try container.decodeIfPresent(Bool.self, forKey: .requireApproval) ?? defaults.requireApproval,
            allowReactions: try container.decodeIfPresent(Bool.self, forKey: .allowReactions) ?? defaults.allowReactions,
            allowPolls: try container.decodeIfPresent(Bool.self, forKey: .allowPolls) ?? defaults.allowPolls,
            allowFileUploads: try container.decodeIfPresent(Bool.self, forKey: .allowFileUploads) ?? defaults.allowFileUploads,
            allowImageUploads: try container.decodeIfPresent(Bool.self, forKey: .allowImageUploads) ?? defaults.allowImageUploads,
            allowVideoUploads: try container.decodeIfPresent(Bool.self, forKey: .allowVideoUploads) ?? defaults.allowVideoUploads,
            maxFileSize: try container.decodeIfPresent(Int.self, forKey: .maxFileSize) ?? defaults.maxFileSize,
            allowedFileTypes: try container.decodeIfPresent([String].self, forKey: .allowedFileTypes)
                ?? defaults.allowedFileTypes)
    }
}
