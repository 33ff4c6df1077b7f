import ParleyCore
import ParleyStore
import SocketIO

extension ChatGateway {
    /// How many messages `previous_messages` carries, as before.
    static let previousMessagesCount = 50

    func registerChannelEvents() {
        on("join_channel", limit: .query) { [self] session, args in
            try await joinChannel(session, body: try body(args))
        }
        on("leave_channel", limit: .query) { [self] session, args in
            let (channelId, room) = try await readableRoom(session, body: try body(args))
            if let current = session.currentChannel, current.room == room {
                session.currentChannel = nil
                await announceLeft(session, channelId: channelId, room: room)
            }
            return nil
        }
        on("get_channel_users", limit: .query) { [self] session, args in
            let (channelId, room) = try await readableRoom(session, body: try body(args))
            session.socket.emit("channel_users", await channelUsers(channelId: channelId, room: room))
            return nil
        }
    }

    /// Checks access, makes the channel the socket's current one, sends its latest messages
    /// (newest first, as the old server did; tombstones only with `includeDeleted: true`) and
    /// tells the room.
    private func joinChannel(_ session: GatewaySession, body: JSONBody) async throws -> SocketIOValue? {
        guard let id = try body.objectId("channelId", thing: "channel") else { throw DomainError.validation("Channel ID is required") }
        let includingDeleted = try body.bool("includeDeleted") ?? false
        let channelId = id.hexString
        let principal = session.principal
        let (channel, _) = try await channels.readableForMessages(principal: principal, id: id)
        let room = GatewayRoom.channel(channel.id)
        if let current = session.currentChannel, current.room != room {
            await announceLeft(session, channelId: current.id.hexString, room: current.room)
        }
        // Normally already a member (rooms follow permissions); a channel created a moment
        // ago may not have been synchronised yet.
        await session.socket.join(room)
        let alreadyCurrent = session.currentChannel?.room == room
        session.currentChannel = (id, room)

        // Live messages only, as the old server sent them, unless the client asks for tombstones.
        let history = try await messages.history(
            principal: principal, channelId: channel.id, window: .latest(limit: Self.previousMessagesCount, offset: 0),
            includingDeleted: includingDeleted)
        let newestFirst = history.reversed().map(MessageView.init)
        session.socket.emit(
            "previous_messages", ["channelId": .string(channelId), "messages": GatewayPayload.encoded(newestFirst)])
        if !alreadyCurrent {
            let notice = userNotice(session, channelId: channelId, verb: "joined")
            await session.socket.to(room).emit("user_joined", notice)
            await session.socket.to(room).emit("user_joined_channel", notice)
            await namespace.to(room).emit("channel_users", await channelUsers(channelId: channelId, room: room))
        }
        return ["success": true, "channelId": .string(channelId)]
    }

    /// `user_left` (and the client's `user_left_channel`) to the rest of the room, then the
    /// room's users.
    func announceLeft(_ session: GatewaySession, channelId: String, room: String) async {
        let notice = userNotice(session, channelId: channelId, verb: "left")
        await session.socket.to(room).emit("user_left", notice)
        await session.socket.to(room).emit("user_left_channel", notice)
        await namespace.to(room).emit("channel_users", await channelUsers(channelId: channelId, room: room))
    }

    private func userNotice(_ session: GatewaySession, channelId: String, verb: String) -> SocketIOValue {
        [
            "channelId": .string(channelId), "userId": .string(session.userId.hexString), "username": .string(session.username),
            "message": .string("\(session.username) \(verb) the channel"),
        ]
    }

    /// `{channelId, users: [{userId, username, isOnline}]}`: the users with a socket in the
    /// channel's room, that is, online and allowed to read it.
    func channelUsers(channelId: String, room: String) async -> SocketIOValue {
        let socketIDs = await namespace.to(room).socketIDs()
        let members = sessions.withLock { sessions in socketIDs.compactMap { sessions[$0] } }
        var seen = Set<ObjectId>()
        var users: [SocketIOValue] = []
        for member in members where seen.insert(member.userId).inserted {
            users.append(["userId": .string(member.userId.hexString), "username": .string(member.username), "isOnline": true])
        }
        return ["channelId": .string(channelId), "users": .array(users)]
    }

    /// The room behind a client's `channelId` (a channel id, or a group id as the Angular chat
    /// screen sends), checked against the rooms the socket was given: no store read.
    func readableRoom(_ session: GatewaySession, body: JSONBody) async throws -> (channelId: String, room: String) {
        guard let id = try body.objectId("channelId", thing: "channel") else { throw DomainError.validation("Channel ID is required") }
        guard let room = await readingRoom(session, id) else { throw GatewayError("Access denied to this channel") }
        return (id.hexString, room)
    }

    /// The socket's room for a channel id, or for a group id (standing for its channels);
    /// nil when the socket may read neither.
    func readingRoom(_ session: GatewaySession, _ id: ObjectId) async -> String? {
        let rooms = await session.socket.rooms
        return [GatewayRoom.channel(id), GatewayRoom.group(id)].first(where: rooms.contains)
    }
}
