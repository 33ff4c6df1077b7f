import ParleyCore
import ParleyStore

/// A call on the wire (the old `VideoCallModel.toResponse`): ids as hex, dates as ISO strings,
/// optional fields left out when unset. `callId` repeats `_id` for the socket events' readers.
struct VideoCallView: Encodable, Sendable {
    let call: VideoCall

    init(_ call: VideoCall) { self.call = call }

    enum CodingKeys: String, CodingKey {
        case id = "_id", callId, callerId, receiverId, callerName, receiverName, channelId, status, callType
        case startTime, answerTime, endTime, duration, createdAt, updatedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(call.id.hexString, forKey: .id)
        try container.encode(call.id.hexString, forKey: .callId)
        try container.encode(call.callerId.hexString, forKey: .callerId)
        try container.encode(call.receiverId.hexString, forKey: .receiverId)
        try container.encode(call.callerName, forKey: .callerName)
        try container.encode(call.receiverName, forKey: .receiverName)
        try container.encodeIfPresent(call.channelId?.hexString, forKey: .channelId)
        try container.encode(call.status.rawValue, forKey: .status)
        try container.encode(call.callType, forKey: .callType)
        try container.encode(WireDate.string(call.startTime), forKey: .startTime)
        try container.encodeIfPresent(call.answerTime.map(WireDate.string), forKey: .answerTime)
        try container.encodeIfPresent(call.endTime.map(WireDate.string), forKey: .endTime)
        try container.encodeIfPresent(call.duration, forKey: .duration)
        try container.encode(WireDate.string(call.createdAt), forKey: .createdAt)
        try container.encode(WireDate.string(call.updatedAt), forKey: .updatedAt)
    }
}

/// `/api/video-calls/stats`.
struct CallStatsView: Encodable, Sendable {
    let totalCalls: Int
    let acceptedCalls: Int
    let rejectedCalls: Int
    let missedCalls: Int
    let totalDuration: Double
    let averageDuration: Double

    init(_ stats: CallStats) {
        totalCalls = stats.totalCalls
        acceptedCalls = stats.acceptedCalls
        rejectedCalls = stats.rejectedCalls
        missedCalls = stats.missedCalls
        totalDuration = stats.totalDuration
        averageDuration = stats.endedCalls > 0 ? stats.totalDuration / Double(stats.endedCalls) : 0
    }
}
