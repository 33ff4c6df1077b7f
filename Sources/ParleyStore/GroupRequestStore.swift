import Foundation
import ParleyCore

public struct GroupRequestQuery: Sendable, Equatable {
    /// Only this user's requests.
    public var userId: ObjectId?
    /// Only requests for these groups (an admin's scope). Nil: every group.
    public var groupIds: [ObjectId]?
    public var groupId: ObjectId?
    public var status: GroupRequestStatus?
    public var requestType: String?
    public var search: String?
    public var ascending: Bool
    public var page: PageRequest

    public init(
        userId: ObjectId? = nil, groupIds: [ObjectId]? = nil, groupId: ObjectId? = nil, status: GroupRequestStatus? = nil,
        requestType: String? = nil, search: String? = nil, ascending: Bool = false, page: PageRequest = PageRequest()
    ) {
        self.userId = userId
        self.groupIds = groupIds
        self.groupId = groupId
        self.status = status
        self.requestType = requestType
        self.search = search
        self.ascending = ascending
        self.page = page
    }
}

/// A decision on a pending request.
public struct GroupRequestReview: Sendable, Equatable {
    public var status: GroupRequestStatus
    public var reviewerId: ObjectId?
    public var reviewerName: String?
    /// Nil keeps an earlier reason.
    public var reason: String?
    public var at: Date

    public init(status: GroupRequestStatus, reviewerId: ObjectId?, reviewerName: String?, reason: String?, at: Date) {
        self.status = status
        self.reviewerId = reviewerId
        self.reviewerName = reviewerName
        self.reason = reason
        self.at = at
    }
}

public struct GroupRequestCounts: Sendable, Equatable {
    public var total: Int
    public var byStatus: [GroupRequestStatus: Int]

    public init(total: Int, byStatus: [GroupRequestStatus: Int]) {
        self.total = total
        self.byStatus = byStatus
    }
}

/// Join requests. At most one pending request per user and group
/// (`StoreError.duplicate(field: "pending")`).
public protocol GroupRequestStore: Sendable {
    func insert(_ request: GroupRequest) async throws
    func find(id: ObjectId) async throws -> GroupRequest?
    func list(_ query: GroupRequestQuery) async throws -> Page<GroupRequest>
    /// Applies the review only if the request is still pending; nil otherwise (or if unknown).
    func review(id: ObjectId, _ review: GroupRequestReview) async throws -> GroupRequest?
    func delete(id: ObjectId) async throws -> Bool
    func counts(_ query: GroupRequestQuery) async throws -> GroupRequestCounts
}
