import ParleyCore

/// One entry of a world's `videoCalls.json`, in the old server's shape (status `calling`
/// reads as ringing).
struct SeedVideoCallRecord: Decodable, Sendable {
    let id: ExtendedJSONObjectId
    let callerId: ExtendedJSONObjectId
    let callerName: String
    let receiverId: ExtendedJSONObjectId
    let receiverName: String
    let channelId: ExtendedJSONObjectId?
    let status: String
    let callType: String?
    let startTime: ExtendedJSONDate
    let endTime: ExtendedJSONDate?
    let duration: Double?
    let createdAt: ExtendedJSONDate?
    let updatedAt: ExtendedJSONDate?

    private enum CodingKeys: String, CodingKey {
        case id = "_id"
        case callerId, callerName, receiverId, receiverName, channelId, status, callType, startTime, endTime, duration, createdAt
        case updatedAt
    }

    func call() throws -> VideoCall {
        guard let callStatus = CallStatus(stored: status) else { throw SeedError.unreadable(file: "videoCalls.json", reason: "status \(status)") }
        return VideoCall(
            id: id.value, callerId: callerId.value, receiverId: receiverId.value, callerName: callerName, receiverName: receiverName,
            channelId: channelId?.value, status: callStatus, callType: callType ?? "video", startTime: startTime.value,
            // The old server did not record answers; an ended call was answered when it started.
            answerTime: callStatus == .ended ? startTime.value : nil, endTime: endTime?.value, duration: duration,
            createdAt: createdAt?.value, updatedAt: updatedAt?.value)
    }
}
