import ParleyCore
import SocketIO

extension ChatGateway {
    func registerPresenceEvents() {
        on("typing", limit: .typing) { [self] session, args in
            let body = try body(args)
            let (channelId, room) = try await readableRoom(session, body: body)
            let key = TypingTracker.Key(room: room, channelId: channelId, userId: session.userId, socketID: session.socket.id)
            if try body.bool("isTyping") ?? true {
                // Only the start is relayed; repeats while typing just push the expiry back.
                if typing.started(key, username: session.username) {
                    await session.socket.to(room).emit("user_typing", typingNotice(key, username: session.username, isTyping: true))
                }
            } else if typing.stopped(key) {
                await session.socket.to(room).emit("user_typing", typingNotice(key, username: session.username, isTyping: false))
            }
            return nil
        }
        on("stop_typing", limit: .typing) { [self] session, args in
            let (channelId, room) = try await readableRoom(session, body: try body(args))
            let key = TypingTracker.Key(room: room, channelId: channelId, userId: session.userId, socketID: session.socket.id)
            if typing.stopped(key) {
                await emitStoppedTyping(TypingTracker.Typist(key: key, username: session.username))
            }
            return nil
        }
        on("get_online_users", limit: .query) { [self] session, _ in
            let users = await directory.visible(to: session.userId).map { id, entry in
                Self.presenceValue(userId: id, username: entry.username, status: entry.status, currentChannel: entry.currentChannel)
            }
            // A bare array, as the old server sent.
            session.socket.emit("online_users", .array(users))
            return nil
        }
        on("update_presence", limit: .query) { [self] session, args in
            let body = try body(args)
            guard let status = try body.trimmedString("status"), PresenceRegistry.statuses.contains(status) else {
                throw DomainError.validation("status must be online, away, busy or offline")
            }
            var currentChannel: String?
            if body.has("currentChannel"), let id = try body.objectId("currentChannel", thing: "channel") {
                currentChannel = id.hexString
            }
            let entry = presence.update(userId: session.userId, status: status, currentChannel: currentChannel)
            if let entry { await directory.updated(session.userId, entry: entry) }
            await announcePresence(of: session, groups: entry?.groups ?? [], status: status, currentChannel: currentChannel)
            return nil
        }
    }

    /// `user_typing {isTyping:false}` (what the Angular client listens for) and
    /// `user_stop_typing`, to the rest of the room.
    func emitStoppedTyping(_ typist: TypingTracker.Typist) async {
        let except = typist.key.socketID
        await namespace.to(typist.key.room).except(except).emit("user_typing", typingNotice(typist.key, username: typist.username, isTyping: false))
        await namespace.to(typist.key.room).except(except).emit(
            "user_stop_typing",
            ["channelId": .string(typist.key.channelId), "userId": .string(typist.key.userId.hexString), "username": .string(typist.username)])
    }

    private func typingNotice(_ key: TypingTracker.Key, username: String, isTyping: Bool) -> SocketIOValue {
        [
            "channelId": .string(key.channelId), "userId": .string(key.userId.hexString), "username": .string(username),
            "isTyping": .bool(isTyping),
        ]
    }

    /// `user_presence_update` to everyone who shares a group with the user (and to their own
    /// other sockets).
    func announcePresence(of session: GatewaySession, groups: Set<ObjectId>, status: String, currentChannel: String?) async {
        await presenceAudience(session.userId, groups: groups).except(session.socket.id).emit(
            "user_presence_update",
            Self.presenceValue(userId: session.userId, username: session.username, status: status, currentChannel: currentChannel))
    }

    /// A user whose node died went offline (this node cleared that node away).
    func announceOffline(_ user: DepartedUser) async {
        await presenceAudience(user.userId, groups: user.groups).emit(
            "user_presence_update", Self.presenceValue(userId: user.userId, username: user.username, status: "offline", currentChannel: nil))
        onlineCountChanged.store(true, ordering: .relaxed)
    }

    private func presenceAudience(_ userId: ObjectId, groups: Set<ObjectId>) -> SocketIOBroadcast {
        var broadcast = namespace.to(GatewayRoom.user(userId))
        for group in groups { broadcast = broadcast.to(GatewayRoom.group(group)) }
        return broadcast
    }

    static func presenceValue(userId: ObjectId, username: String, status: String, currentChannel: String?) -> SocketIOValue {
        var value: [String: SocketIOValue] = [
            "userId": .string(userId.hexString), "username": .string(username), "status": .string(status),
            "isOnline": .bool(status != "offline"),
        ]
        if let currentChannel { value["currentChannel"] = .string(currentChannel) }
        return .object(value)
    }
}
