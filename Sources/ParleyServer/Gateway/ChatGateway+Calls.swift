import ParleyCore
import SocketIO

extension ChatGateway {
    func registerCallEvents() {
        on("video_call_initiate", limit: .query, errorEvent: "video_call_error") { [self] session, args in
            let body = try body(args)
            guard let recipientId = try body.objectId("recipientId", thing: "user") ?? body.objectId("receiverId", thing: "user") else {
                throw DomainError.validation("recipientId is required")
            }
            guard let channelId = try body.objectId("channelId", thing: "channel") else { throw DomainError.validation("Channel ID is required") }
            guard await directory.isOnline(recipientId) else { throw GatewayError("Recipient is not online") }
            let call = try await calls.initiate(
                principal: session.principal, receiverId: recipientId, channelId: channelId, callType: try body.trimmedString("callType"))
            callRoutes.update(call)
            await callSockets.bind(callId: call.id, socketID: session.socket.id, asCaller: true)
            return ["success": true, "callId": .string(call.id.hexString), "call": GatewayPayload.value(VideoCallView(call))]
        }
        on("video_call_accept", limit: .query, errorEvent: "video_call_error") { [self] session, args in
            try await accept(session, callId: try callId(args))
        }
        on("video_call_reject", limit: .query, errorEvent: "video_call_error") { [self] session, args in
            let call = try await calls.reject(principal: session.principal, id: try callId(args))
            return ["success": true, "callId": .string(call.id.hexString), "status": .string(call.status.rawValue)]
        }
        on("video_call_end", limit: .query, errorEvent: "video_call_error") { [self] session, args in
            let call = try await calls.end(principal: session.principal, id: try callId(args))
            return ["success": true, "callId": .string(call.id.hexString), "status": .string(call.status.rawValue)]
        }
        // The Angular client sends `video_call_answer {callId}` to accept; with an SDP answer
        // it is the WebRTC answer, relayed to the caller.
        on("video_call_answer", limit: .typing, errorEvent: "video_call_error") { [self] session, args in
            let body = try body(args)
            guard body.has("answer") else { return try await accept(session, callId: try callId(args)) }
            try await relay("video_call_answer", args, from: session)
            return nil
        }
        on("video_call_offer", limit: .typing, errorEvent: "video_call_error") { [self] session, args in
            try await relay("video_call_offer", args, from: session)
            return nil
        }
        on("video_call_ice_candidate", limit: .typing, errorEvent: "video_call_error") { [self] session, args in
            try await relay("video_call_ice_candidate", args, from: session)
            return nil
        }
    }

    private func accept(_ session: GatewaySession, callId: ObjectId) async throws -> SocketIOValue {
        let call = try await calls.accept(principal: session.principal, id: callId)
        callRoutes.update(call)
        await callSockets.bind(callId: call.id, socketID: session.socket.id, asCaller: false)
        return ["success": true, "callId": .string(call.id.hexString), "status": .string(call.status.rawValue)]
    }

    private func callId(_ args: [SocketIOValue]) throws -> ObjectId {
        guard let id = try body(args).objectId("callId", thing: "call") else { throw DomainError.validation("callId is required") }
        return id
    }

    /// Forwards the client's object (with `callId`, `from` and `fromUsername` set by the
    /// server) to the other party of a live call the sender is in: to the socket that placed
    /// or answered it when known, else to all of that user's sockets (while ringing).
    private func relay(_ event: String, _ args: [SocketIOValue], from session: GatewaySession) async throws {
        let id = try callId(args)
        let route = try await liveRoute(id)
        guard route.callerId == session.userId || route.receiverId == session.userId else { throw GatewayError("Call not found") }
        let fromCaller = route.callerId == session.userId
        var target = fromCaller ? route.receiverSocket : route.callerSocket
        if target == nil {
            // The other party may have answered on another node.
            let bound = await callSockets.sockets(of: id)
            target = fromCaller ? bound.receiver : bound.caller
        }
        let otherUser = fromCaller ? route.receiverId : route.callerId
        guard case .object(var payload)? = args.first else { throw GatewayError.payloadRequired }
        payload["callId"] = .string(id.hexString)
        payload["from"] = .string(session.userId.hexString)
        payload["fromUsername"] = .string(session.username)
        if let target {
            // Through the socket's own room, which reaches it on whichever node holds it.
            await namespace.to(target).emit(event, .object(payload))
        } else {
            await namespace.to(GatewayRoom.user(otherUser)).emit(event, .object(payload))
        }
    }

    /// The route of a ringing or answered call, loaded once from the store when this process
    /// has not seen the call yet (placed over REST before a restart, say).
    private func liveRoute(_ id: ObjectId) async throws -> CallRouter.Route {
        if let route = callRoutes.route(id) { return route }
        guard let call = try await calls.live(id: id) else { throw GatewayError("Call not found") }
        callRoutes.update(call)
        guard let route = callRoutes.route(id) else { throw GatewayError("Call not found") }
        return route
    }

    /// Tells both parties' sockets on this node (every node gets the event) about a call's new state, under the names the Angular
    /// client and the old server each use.
    func deliverCall(_ call: VideoCall) async {
        callRoutes.update(call)
        let view = GatewayPayload.value(VideoCallView(call))
        let notice: SocketIOValue = ["callId": .string(call.id.hexString), "status": .string(call.status.rawValue), "call": view]
        let both = namespace.local.to(GatewayRoom.user(call.callerId)).to(GatewayRoom.user(call.receiverId))
        switch call.status {
        case .ringing:
            var incoming = view.objectValue ?? [:]
            incoming["initiatorId"] = .string(call.callerId.hexString)
            incoming["initiatorUsername"] = .string(call.callerName)
            await namespace.local.to(GatewayRoom.user(call.receiverId)).emit("video_call_incoming", .object(incoming))
            await namespace.local.to(GatewayRoom.user(call.callerId)).emit("video_call_initiated", notice)
        case .accepted:
            await both.emit("video_call_accepted", notice)
            // The Angular client takes this payload as the call itself and reads its `_id` to
            // send ICE candidates and to hang up: the call flat (it carries `callId` and
            // `status` too), as `video_call_incoming` is.
            await both.emit("video_call_answered", view)
        case .rejected:
            await both.emit("video_call_rejected", notice)
        case .missed:
            await both.emit("video_call_missed", notice)
            await both.emit("video_call_ended", notice)
        case .cancelled:
            await both.emit("video_call_cancelled", notice)
            await both.emit("video_call_ended", notice)
        case .ended:
            await both.emit("video_call_ended", notice)
        }
    }

    /// A socket that carried a live call went away: the call ends (or is cancelled while
    /// ringing) for its user, as hanging up would.
    func hangUpCalls(of session: GatewaySession) async {
        for id in callRoutes.calls(boundTo: session.socket.id) {
            _ = try? await calls.end(principal: session.principal, id: id)
        }
    }
}
