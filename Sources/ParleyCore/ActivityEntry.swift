import Foundation

/// One thing a user did, recorded by the services. Entries marked `isAdministrative` form the
/// audit log of admin and moderation actions (`/api/admin/logs`); all of a user's entries form
/// their activity (`/api/client/activity`, `/api/admin/users/:id/activity`).
public struct ActivityEntry: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var actorId: ObjectId
    public var actorName: String
    /// Dotted verb, e.g. `group.create`, `group.member.remove`, `user.deactivate`, `auth.login`.
    public var action: String
    /// What the action was on: `user`, `group`, `channel`, `group_request`, …
    public var targetType: String
    public var targetId: ObjectId?
    public var details: String?
    public var isAdministrative: Bool
    public var createdAt: Date

    public init(
        id: ObjectId = ObjectId(), actorId: ObjectId, actorName: String, action: String, targetType: String,
        targetId: ObjectId? = nil, details: String? = nil, isAdministrative: Bool, createdAt: Date = Date()
    ) {
        self.id = id
        self.actorId = actorId
        self.actorName = actorName
        self.action = action
        self.targetType = targetType
        self.targetId = targetId
        self.details = details
        self.isAdministrative = isAdministrative
        self.createdAt = createdAt
    }
}
