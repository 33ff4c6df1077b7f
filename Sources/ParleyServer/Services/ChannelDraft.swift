import ParleyCore
import ParleyStore

/// Rules for channel fields, shared by create and update.
enum ChannelRules {
    static func validate(_ changes: ChannelChanges) throws {
        if let name = changes.name {
            guard (1...80).contains(name.count), !name.contains(where: { $0.isNewline }) else {
                throw DomainError.validation("Channel name must be 1-80 characters on one line")
            }
        }
        if let description = changes.description, description.count > 2_000 {
            throw DomainError.validation("Description must be at most 2000 characters")
        }
        if let type = changes.type, !Channel.types.contains(type) {
            throw DomainError.validation("type must be text, voice or video")
        }
        if case .some(.some(let maxMembers)) = changes.maxMembers, maxMembers < 1 {
            throw DomainError.validation("maxMembers must be a positive number")
        }
        if let settings = changes.settings {
            guard settings.slowMode >= 0, settings.maxFileSize > 0 else {
                throw DomainError.validation("settings.slowMode and settings.maxFileSize must not be negative")
            }
        }
    }
}
