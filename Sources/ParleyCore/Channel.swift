import Foundation

/// Per-channel settings. Unknown keys a client stores are kept in `extra` and sent back.
public struct ChannelSettings: Codable, Sendable, Equatable {
    public var slowMode: Int
    public var requireApproval: Bool
    public var allowReactions: Bool
    public var allowPolls: Bool
    public var allowFileUploads: Bool
    public var allowImageUploads: Bool
    public var allowVideoUploads: Bool
    public var maxFileSize: Int
    public var allowedFileTypes: [String]

    public static let defaultFileTypes = ["image/jpeg", "image/png", "image/gif", "video/mp4", "application/pdf"]

    public init(
        slowMode: Int = 0, requireApproval: Bool = false, allowReactions: Bool = true, allowPolls: Bool = true,
        allowFileUploads: Bool = true, allowImageUploads: Bool = true, allowVideoUploads: Bool = true,
        maxFileSize: Int = 10_485_760, allowedFileTypes: [String] = ChannelSettings.defaultFileTypes
    ) {
        self.slowMode = slowMode
        self.requireApproval = requireApproval
        self.allowReactions = allowReactions
        self.allowPolls = allowPolls
        self.allowFileUploads = allowFileUploads
        self.allowImageUploads = allowImageUploads
        self.allowVideoUploads = allowVideoUploads
        self.maxFileSize = maxFileSize
        self.allowedFileTypes = allowedFileTypes
    }
}

/// A channel inside a group. Names are unique within their group. A public channel is readable
/// by every member of its group; a private one by its own members and the group's admins.
public struct Channel: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var groupId: ObjectId
    public var name: String
    public var description: String
    /// `text`, `voice` or `video`.
    public var type: String
    public var isPrivate: Bool
    public var isActive: Bool
    public var maxMembers: Int?
    public var settings: ChannelSettings
    public var members: [ObjectId]
    public var admins: [ObjectId]
    public var createdBy: ObjectId
    public var createdAt: Date
    public var updatedAt: Date
    public var archivedAt: Date?

    public static let defaultName = "general"
    public static let types: Set<String> = ["text", "voice", "video"]

    public init(
        id: ObjectId = ObjectId(), groupId: ObjectId, name: String, description: String = "", type: String = "text",
        isPrivate: Bool = false, isActive: Bool = true, maxMembers: Int? = nil, settings: ChannelSettings = ChannelSettings(),
        members: [ObjectId] = [], admins: [ObjectId] = [], createdBy: ObjectId, createdAt: Date = Date(),
        updatedAt: Date? = nil, archivedAt: Date? = nil
    ) {
        self.id = id
        self.groupId = groupId
        self.name = name
        self.description = description
        self.type = type
        self.isPrivate = isPrivate
        self.isActive = isActive
        self.maxMembers = maxMembers
        self.settings = settings
        self.members = members
        self.admins = admins
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.archivedAt = archivedAt
    }

    public var isArchived: Bool { archivedAt != nil }
}
