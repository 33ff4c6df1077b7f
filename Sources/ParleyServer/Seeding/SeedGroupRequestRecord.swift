import ParleyCore

/// One entry of a world's `groupRequests.json`.
struct SeedGroupRequestRecord: Decodable, Sendable {
    let key: String
    let id: ExtendedJSONObjectId
    let userId: ExtendedJSONObjectId
    let username: String
    let userEmail: String?
    let groupId: ExtendedJSONObjectId
    let groupName: String
    let requestType: String
    let status: GroupRequestStatus
    let message: String?
    let reason: String?
    let requestedAt: ExtendedJSONDate
    let reviewedAt: ExtendedJSONDate?
    let reviewedBy: ExtendedJSONObjectId?
    let reviewerName: String?

    private enum CodingKeys: String, CodingKey {
        case key = "_key", id = "_id"
        case userId, username, userEmail, groupId, groupName, requestType, status, message, reason, requestedAt, reviewedAt
        case reviewedBy, reviewerName
    }

    var request: GroupRequest {
        GroupRequest(
            id: id.value, userId: userId.value, username: username, userEmail: userEmail, groupId: groupId.value,
            groupName: groupName, requestType: requestType, status: status, message: message, reason: reason,
            requestedAt: requestedAt.value, reviewedAt: reviewedAt?.value, reviewedBy: reviewedBy?.value,
            reviewerName: reviewerName)
    }
}
