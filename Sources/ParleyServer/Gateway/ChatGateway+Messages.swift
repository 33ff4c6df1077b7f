import ParleyCore
import SocketIO

extension ChatGateway {
    func registerMessageEvents() {
        // Stored first, through the same service as `POST /api/messages`; `new_message` then
        // reaches the channel's room (the sender included) through the event bus.
        on("send_message", limit: .message) { [self] session, args in
            let body = try body(args)
            guard let channelId = try body.objectId("channelId", thing: "channel") else {
                throw DomainError.validation("Channel ID is required")
            }
            let draft = try MessageController.draft(from: body)
            // A picture inside a message goes over HTTP, where the body may hold an image at its
            // limit and it becomes an upload (`InlineImageService`). Socket frames stay capped by
            // SOCKET_MAX_PAYLOAD for everyone, so here it could only ever work for small pictures.
            if let imageUrl = draft.imageUrl, DataURL.isDataURL(imageUrl) {
                throw DomainError.validation("imageUrl: send pictures with POST /api/messages or /api/upload/image, not over the socket")
            }
            let handshake = session.socket.handshake
            let urls = AttachmentURLPolicy(
                baseURL: PublicBaseURL.of(authority: handshake.authority, headers: handshake.headers, configured: publicURL))
            let message = try await messages.post(principal: session.principal, channelId: channelId, draft: draft, urls: urls)
            return ["success": true, "message": GatewayPayload.encoded(MessageView(message))]
        }
    }
}
