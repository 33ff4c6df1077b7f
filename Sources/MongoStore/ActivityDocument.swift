import Foundation
import ParleyCore

/// An `activityLog` document (a Parley collection; the old server kept no log). Optional
/// fields are written as null, like every other Parley document.
struct ActivityDocument: Codable, Equatable {
    var id: ObjectId
    var actorId: ObjectId
    var actorName: String
    var action: String
    var targetType: String
    var targetId: ObjectId?
    var details: String?
    var isAdministrative: Bool
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case actorId, actorName, action, targetType, targetId, details, isAdministrative, createdAt
    }

    init(_ entry: ActivityEntry) {
        id = entry.id
        actorId = entry.actorId
        actorName = entry.actorName
        action = entry.action
        targetType = entry.targetType
        targetId = entry.targetId
        details = entry.details
        isAdministrative = entry.isAdministrative
        createdAt = entry.createdAt
    }

    var entry: ActivityEntry {
        ActivityEntry(
            id: id, actorId: actorId, actorName: actorName, action: action, targetType: targetType, targetId: targetId,
            details: details, isAdministrative: isAdministrative, createdAt: createdAt)
    }
}
