import ParleyCore

/// A join request on the wire. `userEmail` is shown only to the requester and super_admins.
struct GroupRequestView: Encodable, Sendable {
    let request: GroupRequest
    let showEmail: Bool

    init(_ request: GroupRequest, principal: Principal) {
        self.request = request
        self.showEmail = principal.isSuperAdmin || principal.userId == request.userId
    }

    enum CodingKeys: String, CodingKey {
        case id = "_id", userId, groupId, username, userEmail, groupName, requestType, status, requestedAt
        case reviewedAt, reviewedBy, reviewerName, reason, message
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(request.id.hexString, forKey: .id)
        try container.encode(request.userId.hexString, forKey: .userId)
        try container.encode(request.groupId.hexString, forKey: .groupId)
        try container.encode(request.username, forKey: .username)
        try container.encode(showEmail ? request.userEmail : nil, forKey: .userEmail)
        try container.encode(request.groupName, forKey: .groupName)
        try container.encode(request.requestType, forKey: .requestType)
        try container.encode(request.status.rawValue, forKey: .status)
        try container.encode(WireDate.string(request.requestedAt), forKey: .requestedAt)
        try container.encodeIfPresent(request.reviewedAt.map(WireDate.string), forKey: .reviewedAt)
        try container.encodeIfPresent(request.reviewedBy?.hexString, forKey: .reviewedBy)
        try container.encodeIfPresent(request.reviewerName, forKey: .reviewerName)
        try container.encode(request.reason, forKey: .reason)
        try container.encode(request.message, forKey: .message)
    }
}

/// `{requests, total, page, pages, limit}`.
struct GroupRequestListView: Encodable, Sendable {
    let requests: [GroupRequestView]
    let total: Int
    let page: Int
    let pages: Int
    let limit: Int
}
