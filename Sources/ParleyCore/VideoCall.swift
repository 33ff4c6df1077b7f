import Foundation

/// A one-to-one call, stored so that history, statistics and missed-call notices survive the
/// sockets that carried it. Media never passes through the server; only the call's state does.
public struct VideoCall: Codable, Sendable, Equatable {
    public var id: ObjectId
    public var callerId: ObjectId
    public var receiverId: ObjectId
    public var callerName: String
    public var receiverName: String
    /// The channel the call was placed from; both users must be able to read it.
    public var channelId: ObjectId?
    public var status: CallStatus
    public var callType: String
    /// When the call was placed (ringing started).
    public var startTime: Date
    public var answerTime: Date?
    public var endTime: Date?
    /// Seconds from answer to end; nil for calls never answered.
    public var duration: Double?
    public var createdAt: Date
    public var updatedAt: Date

    public static let callTypes: Set<String> = ["video", "audio"]

    public init(
        id: ObjectId = ObjectId(), callerId: ObjectId, receiverId: ObjectId, callerName: String, receiverName: String,
        channelId: ObjectId?, status: CallStatus = .ringing, callType: String = "video", startTime: Date = Date(),
        answerTime: Date? = nil, endTime: Date? = nil, duration: Double? = nil, createdAt: Date? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.callerId = callerId
        self.receiverId = receiverId
        self.callerName = callerName
        self.receiverName = receiverName
        self.channelId = channelId
        self.status = status
        self.callType = callType
        self.startTime = startTime
        self.answerTime = answerTime
        self.endTime = endTime
        self.duration = duration
        self.createdAt = createdAt ?? startTime
        self.updatedAt = updatedAt ?? startTime
    }

    public func involves(_ userId: ObjectId) -> Bool { callerId == userId || receiverId == userId }

    /// The participant who is not `userId`.
    public func otherParty(of userId: ObjectId) -> ObjectId { userId == callerId ? receiverId : callerId }
}

/// The call state machine: ringing → accepted | rejected | missed | cancelled, and
/// accepted → ended. Every state but ringing and accepted is final.
public enum CallStatus: String, Codable, Sendable, CaseIterable {
    case ringing, accepted, rejected, missed, cancelled, ended

    public var isActive: Bool { self == .ringing || self == .accepted }

    /// Old documents say `calling` (the old server's first state) for what is `ringing` here.
    public init?(stored: String) {
        if stored == "calling" { self = .ringing } else { self.init(rawValue: stored) }
    }

    public func canMove(to next: CallStatus) -> Bool {
        switch (self, next) {
        case (.ringing, .accepted), (.ringing, .rejected), (.ringing, .missed), (.ringing, .cancelled), (.accepted, .ended): true
        default: false
        }
    }
}
