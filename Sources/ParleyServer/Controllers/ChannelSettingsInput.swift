import ParleyCore

/// Reads channel settings from a request object onto a base, checking each key's type.
enum ChannelSettingsInput {
    static func settings(from object: [String: JSONValue]?, base: ChannelSettings) throws -> ChannelSettings {
        guard let object else { return base }
        let body = JSONBody(fields: object)
        var settings = base
        if let value = try body.int("slowMode") { settings.slowMode = value }
        if let value = try body.bool("requireApproval") { settings.requireApproval = value }
        if let value = try body.bool("allowReactions") { settings.allowReactions = value }
        if let value = try body.bool("allowPolls") { settings.allowPolls = value }
        if let value = try body.bool("allowFileUploads") { settings.allowFileUploads = value }
        if let value = try body.bool("allowImageUploads") { settings.allowImageUploads = value }
        if let value = try body.bool("allowVideoUploads") { settings.allowVideoUploads = value }
        if let value = try body.int("maxFileSize") { settings.maxFileSize = value }
        if let value = try body.stringArray("allowedFileTypes") { settings.allowedFileTypes = value }
        return settings
    }
}
