import ParleyCore
import SocketIO

extension ChatGateway {
    /// PeerJS ids follow the PeerJS rule: letters and digits separated by single `_`, `-` or
    /// space.
    static let peerIdLimit = 128

    func registerVideoRoomEvents() {
        on("join_video_room", limit: .query, errorEvent: "video_room_error") { [self] session, args in
            let body = try body(args)
            let (roomId, room) = try await videoRoom(session, body: body)
            let peerId = try Self.peerId(body)
            // Registering someone else's id would let a stranger's offer reach their PeerJS
            // connection, which answers with camera and microphone.
            guard PeerIdentifier.owner(of: peerId) == session.userId else {
                throw GatewayError("Peer id must begin with your user id")
            }
            let others: [String]
            do {
                others = try await videoRoomDirectory.join(peerId: peerId, userId: session.userId, socketID: session.socket.id, room: roomId)
            } catch {
                throw GatewayError("Peer id is taken")
            }
            await session.socket.join(room)
            session.socket.emit("room_participants", ["roomId": .string(roomId), "participants": .array(others.map(SocketIOValue.string))])
            await session.socket.to(room).emit(
                "peer_joined_room",
                [
                    "roomId": .string(roomId), "peerId": .string(peerId), "userId": .string(session.userId.hexString),
                    "username": .string(session.username),
                ])
            return ["success": true, "roomId": .string(roomId), "participants": .array(others.map(SocketIOValue.string))]
        }
        on("leave_video_room", limit: .query, errorEvent: "video_room_error") { [self] session, args in
            let body = try body(args)
            guard let roomId = try body.trimmedString("roomId") else { throw DomainError.validation("roomId is required") }
            let peerId = try Self.peerId(body)
            guard await videoRoomDirectory.leave(peerId: peerId, userId: session.userId, room: roomId) else {
                throw GatewayError("Not in this video room")
            }
            let room = GatewayRoom.video(roomId)
            if !videoRooms.rooms(of: session.socket.id).contains(roomId) { await session.socket.leave(room) }
            await namespace.to(room).emit("peer_left_room", ["roomId": .string(roomId), "peerId": .string(peerId)])
            return nil
        }
    }

    /// `room_<id>` (what the client sends) or a bare id, where the id is a channel or group the
    /// socket may read. Video rooms live under their own prefix, apart from channel rooms.
    private func videoRoom(_ session: GatewaySession, body: JSONBody) async throws -> (roomId: String, room: String) {
        guard let roomId = try body.trimmedString("roomId") else { throw DomainError.validation("roomId is required") }
        let idText = roomId.hasPrefix("room_") ? String(roomId.dropFirst("room_".count)) : roomId
        guard let id = ObjectId(idText) else { throw GatewayError("roomId must name a channel: room_<channelId>") }
        guard await readingRoom(session, id) != nil else { throw GatewayError("Access denied to this video room") }
        return (roomId, GatewayRoom.video(roomId))
    }

    static func peerId(_ body: JSONBody) throws -> String {
        guard let peerId = try body.trimmedString("peerId") else { throw DomainError.validation("peerId is required") }
        guard peerId.count <= peerIdLimit, PeerIdentifier.isValid(peerId) else {
            throw DomainError.validation("peerId must be letters and digits separated by single _, - or spaces")
        }
        return peerId
    }

    /// Removes a disconnected socket's peers from their rooms and tells the rooms.
    func leaveVideoRooms(of session: GatewaySession) async {
        await announcePeersLeft(await videoRoomDirectory.removeAll(socketID: session.socket.id))
    }

    /// `peer_left_room` to each room a peer left (its socket went, or its node died).
    func announcePeersLeft(_ pairs: [(room: String, peerId: String)]) async {
        for (roomId, peerId) in pairs {
            await namespace.to(GatewayRoom.video(roomId)).emit("peer_left_room", ["roomId": .string(roomId), "peerId": .string(peerId)])
        }
    }
}
