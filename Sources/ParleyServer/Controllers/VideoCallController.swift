import Hummingbird
import ParleyCore

/// `/api/video-calls`: history, active calls and figures, and the client's call lifecycle
/// (place, answer, reject, end). Recording and quality reports need a media server.
struct VideoCallController: Sendable {
    let calls: VideoCallService
    let bodyLimit: Int

    /// A plain array, newest first; `limit`, `offset` and `status` are honoured.
    func history(_ request: Request, context: AppRequestContext) async throws -> Envelope<[VideoCallView]> {
        let principal = try context.requirePrincipal()
        let (limit, offset) = try request.limitOffset(defaultLimit: 50)
        var status: CallStatus?
        if let text = request.queryString("status") {
            guard let parsed = CallStatus(stored: text) else {
                throw DomainError.validation("status must be one of \(CallStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = parsed
        }
        let list = try await calls.history(principal: principal, status: status, limit: limit, offset: offset)
        return Envelope(data: list.map(VideoCallView.init))
    }

    func active(_ request: Request, context: AppRequestContext) async throws -> Envelope<[VideoCallView]> {
        Envelope(data: try await calls.active(principal: try context.requirePrincipal()).map(VideoCallView.init))
    }

    func stats(_ request: Request, context: AppRequestContext) async throws -> Envelope<CallStatsView> {
        Envelope(data: CallStatsView(try await calls.stats(principal: try context.requirePrincipal())))
    }

    func cleanup(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: Int]> {
        let missed = try await calls.cleanup(principal: try context.requirePrincipal())
        return Envelope(data: ["missedCalls": missed], message: "Expired calls cleaned up successfully")
    }

    /// `{receiverId, channelId, callType?}`.
    func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Envelope<VideoCallView>> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let receiverId = try body.objectId("receiverId", thing: "user") else { throw DomainError.validation("receiverId is required") }
        guard let channelId = try body.objectId("channelId", thing: "channel") else { throw DomainError.validation("Channel ID is required") }
        let call = try await calls.initiate(
            principal: principal, receiverId: receiverId, channelId: channelId, callType: try body.trimmedString("callType"))
        return EditedResponse(status: .created, response: Envelope(data: VideoCallView(call), message: "Call started"))
    }

    func get(_ request: Request, context: AppRequestContext) async throws -> Envelope<VideoCallView> {
        let call = try await calls.get(principal: try context.requirePrincipal(), id: try Self.callId(context))
        return Envelope(data: VideoCallView(call))
    }

    func answer(_ request: Request, context: AppRequestContext) async throws -> Envelope<VideoCallView> {
        let call = try await calls.accept(principal: try context.requirePrincipal(), id: try Self.callId(context))
        return Envelope(data: VideoCallView(call), message: "Call answered")
    }

    func reject(_ request: Request, context: AppRequestContext) async throws -> Envelope<VideoCallView> {
        let call = try await calls.reject(principal: try context.requirePrincipal(), id: try Self.callId(context))
        return Envelope(data: VideoCallView(call), message: "Call rejected")
    }

    func end(_ request: Request, context: AppRequestContext) async throws -> Envelope<VideoCallView> {
        let call = try await calls.end(principal: try context.requirePrincipal(), id: try Self.callId(context))
        return Envelope(data: VideoCallView(call), message: "Call ended")
    }

    /// Recording and quality reports: the media flows peer to peer, so there is nothing to
    /// record or measure here. The call must still be the caller's, so ids reveal nothing.
    func noMediaServer(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await calls.get(principal: try context.requirePrincipal(), id: try Self.callId(context))
        throw DomainError.notSupported("Call recording and quality reports are not available: media flows peer to peer and Parley has no media server")
    }

    static func callId(_ context: AppRequestContext) throws -> ObjectId {
        try context.parameters.objectId("id", thing: "call")
    }
}
