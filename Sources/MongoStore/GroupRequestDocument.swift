import Foundation
import ParleyCore

/// A `groupRequests` document in the old Node server's shape (spec §3.9); Parley adds the
/// status "withdrawn". Read leniently: ids may be 24-hex strings; a missing status is
/// "pending" (the old server created every request pending); a null `requestType` (the old API
/// stored whatever it was sent) is "request_invite"; seeded requests may lack `requestedAt` and
/// have `createdAt` instead; a missing username or group name is "".
struct GroupRequestDocument: Encodable, Decodable, Equatable {
    var id: ObjectId
    var userId: ObjectId
    var groupId: ObjectId
    var username: String
    var userEmail: String?
    var groupName: String
    var requestType: String
    var status: GroupRequestStatus
    var message: String?
    var reason: String?
    var requestedAt: Date
    var reviewedAt: Date?
    var reviewedBy: ObjectId?
    var reviewerName: String?

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case userId, groupId, username, userEmail, groupName, requestType, status, message, reason, requestedAt
        case reviewedAt, reviewedBy, reviewerName
    }

    /// Only read, for old documents without `requestedAt`.
    private enum LegacyKeys: String, CodingKey {
        case createdAt
    }

    init(_ request: GroupRequest) {
        id = request.id
        userId = request.userId
        groupId = request.groupId
        username = request.username
        userEmail = request.userEmail
        groupName = request.groupName
        requestType = request.requestType
        status = request.status
        message = request.message
        reason = request.reason
        requestedAt = request.requestedAt
        reviewedAt = request.reviewedAt
        reviewedBy = request.reviewedBy
        reviewerName = request.reviewerName
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ObjectId.self, forKey: .id)
        userId = try Self.requiredId(container, .userId)
        groupId = try Self.requiredId(container, .groupId)
        username = try container.decodeIfPresent(String.self, forKey: .username) ?? ""
        userEmail = try container.decodeIfPresent(String.self, forKey: .userEmail)
        groupName = try container.decodeIfPresent(String.self, forKey: .groupName) ?? ""
        requestType = try container.decodeIfPresent(String.self, forKey: .requestType) ?? "request_invite"
        status = try container.decodeIfPresent(GroupRequestStatus.self, forKey: .status) ?? .pending
        message = try container.decodeIfPresent(String.self, forKey: .message)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        let legacy = try decoder.container(keyedBy: LegacyKeys.self)
        requestedAt =
            try container.decodeIfPresent(Date.self, forKey: .requestedAt)
            ?? legacy.decodeIfPresent(Date.self, forKey: .createdAt) ?? id.timestamp
        reviewedAt = try container.decodeIfPresent(Date.self, forKey: .reviewedAt)
        reviewedBy = try container.decodeIfPresent(LenientObjectId.self, forKey: .reviewedBy)?.id
        reviewerName = try container.decodeIfPresent(String.self, forKey: .reviewerName)
    }

    var request: GroupRequest {
        GroupRequest(
            id: id, userId: userId, username: username, userEmail: userEmail, groupId: groupId, groupName: groupName,
            requestType: requestType, status: status, message: message, reason: reason, requestedAt: requestedAt,
            reviewedAt: reviewedAt, reviewedBy: reviewedBy, reviewerName: reviewerName)
    }

    private static func requiredId(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> ObjectId {
        guard let id = try container.decodeIfPresent(LenientObjectId.self, forKey: key)?.id else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(key.stringValue) is missing or not an id")
        }
        return id
    }
}
