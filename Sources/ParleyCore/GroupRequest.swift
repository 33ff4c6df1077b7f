import Foundation

public enum GroupRequestStatus: String, Codable, Sendable, CaseIterable {
    case pending
    case approved
    case rejected
    /// Taken back by the requester before review.
    case withdrawn
}

/// A request to join a private group, reviewed by the group's admins or a super_admin.
public struct GroupRequest: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var userId: ObjectId
    public var username: String
    public var userEmail: String?
    public var groupId: ObjectId
    public var groupName: String
    /// `register_interest` or `request_invite`.
    public var requestType: String
    public var status: GroupRequestStatus
    public var message: String?
    public var reason: String?
    public var requestedAt: Date
    public var reviewedAt: Date?
    public var reviewedBy: ObjectId?
    public var reviewerName: String?

    public static let types: Set<String> = ["register_interest", "request_invite"]

    public init(
        id: ObjectId = ObjectId(), userId: ObjectId, username: String, userEmail: String?, groupId: ObjectId,
        groupName: String, requestType: String = "request_invite", status: GroupRequestStatus = .pending,
        message: String? = nil, reason: String? = nil, requestedAt: Date = Date(), reviewedAt: Date? = nil,
        reviewedBy: ObjectId? = nil, reviewerName: String? = nil
    ) {
        self.id = id
        self.userId = userId
        self.username = username
        self.userEmail = userEmail
        self.groupId = groupId
        self.groupName = groupName
        self.requestType = requestType
        self.status = status
        self.message = message
        self.reason = reason
        self.requestedAt = requestedAt
        self.reviewedAt = reviewedAt
        self.reviewedBy = reviewedBy
        self.reviewerName = reviewerName
    }
}
