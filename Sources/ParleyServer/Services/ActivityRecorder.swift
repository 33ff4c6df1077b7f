import Foundation
import Logging
import ParleyCore
import ParleyStore

/// Appends to the activity/audit log. A failure to record is logged and swallowed on purpose:
/// the action it describes has already happened and must not be reported as failed.
public struct ActivityRecorder: Sendable {
    let store: any ActivityStore
    let logger: Logger

    func record(
        _ principal: Principal, _ action: String, on targetType: String, id targetId: ObjectId? = nil,
        details: String? = nil, administrative: Bool = false
    ) async {
        let entry = ActivityEntry(
            actorId: principal.userId, actorName: principal.username, action: action, targetType: targetType,
            targetId: targetId, details: details, isAdministrative: administrative)
        do {
            try await store.insert(entry)
        } catch {
            logger.error("could not record activity", metadata: ["action": .string(action), "error": .string("\(error)")])
        }
    }
}
