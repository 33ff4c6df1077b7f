import Foundation
import ParleyCore

public struct ActivityQuery: Sendable, Equatable {
    public var actorId: ObjectId?
    public var administrativeOnly: Bool
    public var action: String?
    public var targetType: String?
    public var targetId: ObjectId?
    /// Only entries about one of these (none when empty).
    public var targetIds: [ObjectId]?
    public var since: Date?
    public var until: Date?
    public var page: PageRequest

    public init(
        actorId: ObjectId? = nil, administrativeOnly: Bool = false, action: String? = nil, targetType: String? = nil,
        targetId: ObjectId? = nil, targetIds: [ObjectId]? = nil, since: Date? = nil, until: Date? = nil,
        page: PageRequest = PageRequest()
    ) {
        self.actorId = actorId
        self.administrativeOnly = administrativeOnly
        self.action = action
        self.targetType = targetType
        self.targetId = targetId
        self.targetIds = targetIds
        self.since = since
        self.until = until
        self.page = page
    }
}

/// The activity and audit log, newest first. Append-only.
public protocol ActivityStore: Sendable {
    func insert(_ entry: ActivityEntry) async throws
    func list(_ query: ActivityQuery) async throws -> Page<ActivityEntry>
}
