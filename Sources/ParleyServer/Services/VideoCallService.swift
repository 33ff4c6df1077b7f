import Foundation
import ParleyCore
import ParleyStore

/// One-to-one calls and their state machine (ringing → accepted | rejected | missed |
/// cancelled, accepted → ended). REST and the socket gateway both call this; every change is
/// published so that both parties' sockets hear of it.
public struct VideoCallService: Sendable {
    let store: any Store
    let channels: ChannelService
    let notifications: NotificationService
    let events: any EventBus
    /// A call that rings this long without an answer is missed.
    let ringTimeout: Duration

    static let notFound = DomainError.notFound("Call not found")
    static let maximumPage = 100

    /// Places a call from a channel both users can read. Either party already being in a call
    /// is a conflict (busy).
    func initiate(principal: Principal, receiverId: ObjectId, channelId: ObjectId, callType: String?) async throws -> VideoCall {
        guard receiverId != principal.userId else { throw DomainError.validation("You cannot call yourself") }
        let callType = callType ?? "video"
        guard VideoCall.callTypes.contains(callType) else { throw DomainError.validation("callType must be video or audio") }
        guard let receiver = try await store.users.find(id: receiverId), receiver.isActive else {
            throw DomainError.notFound("Recipient not found")
        }
        let (channel, group) = try await channels.readable(principal: principal, id: channelId)
        guard GroupPermissions.canRead(channel, in: group, principal: Principal(user: receiver)) else {
            throw DomainError.forbidden("Recipient is not in the same channel")
        }
        guard try await store.videoCalls.active(userId: principal.userId).isEmpty else {
            throw DomainError.conflict("You are already in a call")
        }
        guard try await store.videoCalls.active(userId: receiverId).isEmpty else { throw DomainError.conflict("User is busy") }
        let call = VideoCall(
            callerId: principal.userId, receiverId: receiverId, callerName: principal.username, receiverName: receiver.username,
            channelId: channel.id, callType: callType)
        try await store.videoCalls.insert(call)
        events.publish(.callChanged(call))
        return call
    }

    /// A call of the caller's (any call for a super_admin); 404 otherwise.
    func get(principal: Principal, id: ObjectId) async throws -> VideoCall {
        guard let call = try await store.videoCalls.find(id: id), call.involves(principal.userId) || principal.isSuperAdmin else {
            throw Self.notFound
        }
        return call
    }

    /// A ringing or answered call, whoever asks: for routing signaling, which checks the
    /// sender against the call's parties itself.
    func live(id: ObjectId) async throws -> VideoCall? {
        guard let call = try await store.videoCalls.find(id: id), call.status.isActive else { return nil }
        return call
    }

    /// Only the callee answers.
    func accept(principal: Principal, id: ObjectId) async throws -> VideoCall {
        let call = try await participantCall(principal, id)
        guard call.receiverId == principal.userId else { throw DomainError.forbidden("Only the person called can answer") }
        let now = Date()
        return try await move(call, CallTransition(from: .ringing, to: .accepted, at: now, answerTime: now))
    }

    /// The callee rejects; the caller rejecting their own ringing call cancels it.
    func reject(principal: Principal, id: ObjectId) async throws -> VideoCall {
        let call = try await participantCall(principal, id)
        let outcome: CallStatus = call.receiverId == principal.userId ? .rejected : .cancelled
        return try await move(call, CallTransition(from: .ringing, to: outcome, at: Date()))
    }

    /// Hanging up: an answered call ends (with its duration); a ringing one is cancelled by
    /// the caller or rejected by the callee.
    func end(principal: Principal, id: ObjectId) async throws -> VideoCall {
        let call = try await participantCall(principal, id)
        let now = Date()
        switch call.status {
        case .accepted:
            let duration = now.timeIntervalSince(call.answerTime ?? call.startTime)
            return try await move(call, CallTransition(from: .accepted, to: .ended, at: now, endTime: now, duration: duration))
        case .ringing:
            let outcome: CallStatus = call.callerId == principal.userId ? .cancelled : .rejected
            return try await move(call, CallTransition(from: .ringing, to: outcome, at: now, endTime: now))
        default:
            throw DomainError.conflict("Call has already ended")
        }
    }

    /// Ringing calls past the timeout become missed, and each callee is told. Returns them.
    @discardableResult
    func expireRinging(now: Date = Date()) async throws -> [VideoCall] {
        let timeout = TimeInterval(ringTimeout.components.seconds) + TimeInterval(ringTimeout.components.attoseconds) / 1e18
        var missed: [VideoCall] = []
        for call in try await store.videoCalls.ringing(before: now.addingTimeInterval(-timeout)) {
            guard let updated = try await store.videoCalls.transition(id: call.id, CallTransition(from: .ringing, to: .missed, at: now, endTime: now))
            else { continue }  // answered or hung up meanwhile
            events.publish(.callChanged(updated))
            await notifications.notify(
                call.receiverId, type: "missed_call", title: "Missed call from \(call.callerName)",
                message: "\(call.callerName) called you", data: ["callId": call.id.hexString, "callerId": call.callerId.hexString])
            missed.append(updated)
        }
        return missed
    }

    func history(principal: Principal, status: CallStatus?, limit: Int, offset: Int) async throws -> [VideoCall] {
        try await store.videoCalls.history(userId: principal.userId, status: status, limit: min(limit, Self.maximumPage), offset: offset)
    }

    /// The caller's own ringing or answered calls (the old server listed everyone's).
    func active(principal: Principal) async throws -> [VideoCall] {
        try await store.videoCalls.active(userId: principal.userId)
    }

    func stats(principal: Principal) async throws -> CallStats {
        try await store.videoCalls.stats(userId: principal.userId)
    }

    /// Marks timed-out ringing calls missed now rather than at the next sweep: for admins.
    func cleanup(principal: Principal) async throws -> Int {
        guard principal.isAnyAdmin else { throw DomainError.forbidden("Admin privileges required") }
        return try await expireRinging().count
    }

    private func participantCall(_ principal: Principal, _ id: ObjectId) async throws -> VideoCall {
        guard let call = try await store.videoCalls.find(id: id), call.involves(principal.userId) else { throw Self.notFound }
        return call
    }

    /// The conditional write: of two racing changes (an answer and a timeout) one wins, and the
    /// other is told the call moved on.
    private func move(_ call: VideoCall, _ transition: CallTransition) async throws -> VideoCall {
        guard call.status == transition.from, let updated = try await store.videoCalls.transition(id: call.id, transition) else {
            throw DomainError.conflict(call.status == .ringing ? "Call is no longer ringing" : "Call is not in progress")
        }
        events.publish(.callChanged(updated))
        return updated
    }
}
