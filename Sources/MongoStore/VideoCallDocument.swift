import Foundation
import ParleyCore

/// A `videoCalls` document, in the old server's field names. Reading is lenient: the old
/// server's first state `calling` reads as ringing, and its unset fields get defaults.
struct VideoCallDocument: Encodable, Decodable, Equatable {
    var id: ObjectId
    var callerId: ObjectId
    var receiverId: ObjectId
    var callerName: String
    var receiverName: String
    var channelId: ObjectId?
    var status: String
    var callType: String
    var startTime: Date
    var answerTime: Date?
    var endTime: Date?
    var duration: Double?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case callerId, receiverId, callerName, receiverName, channelId, status, callType, startTime, answerTime, endTime
        case duration, createdAt, updatedAt
    }

    init(_ call: VideoCall) {
        id = call.id
        callerId = call.callerId
        receiverId = call.receiverId
        callerName = call.callerName
        receiverName = call.receiverName
        channelId = call.channelId
        status = call.status.rawValue
        callType = call.callType
        startTime = call.startTime
        answerTime = call.answerTime
        endTime = call.endTime
        duration = call.duration
        createdAt = call.createdAt
        updatedAt = call.updatedAt
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ObjectId.self, forKey: .id)
        callerId = try container.decode(LenientObjectId.self, forKey: .callerId).id ?? id
        receiverId = try container.decode(LenientObjectId.self, forKey: .receiverId).id ?? id
        callerName = try container.decodeIfPresent(String.self, forKey: .callerName) ?? "Unknown"
        receiverName = try container.decodeIfPresent(String.self, forKey: .receiverName) ?? "Unknown"
        channelId = try container.decodeIfPresent(LenientObjectId.self, forKey: .channelId)?.id
        status = try container.decodeIfPresent(String.self, forKey: .status) ?? CallStatus.ended.rawValue
        callType = try container.decodeIfPresent(String.self, forKey: .callType) ?? "video"
        startTime = try container.decodeIfPresent(Date.self, forKey: .startTime) ?? id.timestamp
        answerTime = try container.decodeIfPresent(Date.self, forKey: .answerTime)
        endTime = try container.decodeIfPresent(Date.self, forKey: .endTime)
        duration = try container.decodeIfPresent(Double.self, forKey: .duration)
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt) ?? startTime
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt) ?? createdAt
    }

    func call() throws -> VideoCall {
        guard let callStatus = CallStatus(stored: status) else { throw BSONError.malformed("unknown call status \(status)") }
        return VideoCall(
            id: id, callerId: callerId, receiverId: receiverId, callerName: callerName, receiverName: receiverName,
            channelId: channelId, status: callStatus, callType: callType, startTime: startTime, answerTime: answerTime,
            endTime: endTime, duration: duration, createdAt: createdAt, updatedAt: updatedAt)
    }
}
