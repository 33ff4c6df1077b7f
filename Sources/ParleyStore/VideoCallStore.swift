import Foundation
import ParleyCore

/// What a status change writes, besides the status.
public struct CallTransition: Sendable, Equatable {
    public var from: CallStatus
    public var to: CallStatus
    public var at: Date
    public var answerTime: Date?
    public var endTime: Date?
    public var duration: Double?

    public init(from: CallStatus, to: CallStatus, at: Date, answerTime: Date? = nil, endTime: Date? = nil, duration: Double? = nil) {
        self.from = from
        self.to = to
        self.at = at
        self.answerTime = answerTime
        self.endTime = endTime
        self.duration = duration
    }
}

/// Figures over one user's calls.
public struct CallStats: Sendable, Equatable {
    public var totalCalls: Int
    public var acceptedCalls: Int
    public var rejectedCalls: Int
    public var missedCalls: Int
    /// Seconds over ended calls.
    public var totalDuration: Double
    public var endedCalls: Int

    public init(totalCalls: Int, acceptedCalls: Int, rejectedCalls: Int, missedCalls: Int, totalDuration: Double, endedCalls: Int) {
        self.totalCalls = totalCalls
        self.acceptedCalls = acceptedCalls
        self.rejectedCalls = rejectedCalls
        self.missedCalls = missedCalls
        self.totalDuration = totalDuration
        self.endedCalls = endedCalls
    }
}

/// Calls (`videoCalls`).
public protocol VideoCallStore: Sendable {
    func insert(_ call: VideoCall) async throws
    func find(id: ObjectId) async throws -> VideoCall?
    /// Moves a call from `transition.from` to `transition.to` in one conditional write; nil
    /// when the call is not (or no longer) in `from`, so two racing answers cannot both win.
    func transition(id: ObjectId, _ transition: CallTransition) async throws -> VideoCall?
    /// A user's calls, newest first, optionally of one status.
    func history(userId: ObjectId, status: CallStatus?, limit: Int, offset: Int) async throws -> [VideoCall]
    /// A user's ringing or accepted calls.
    func active(userId: ObjectId) async throws -> [VideoCall]
    /// Ringing calls placed before `before` (their ring timed out).
    func ringing(before: Date) async throws -> [VideoCall]
    func stats(userId: ObjectId) async throws -> CallStats
}
