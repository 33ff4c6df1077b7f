import ParleyCore
import SocketIO
import Synchronization

extension ChatGateway {
    /// Delivers a domain event to the rooms allowed to see it. Each event is encoded once for
    /// the whole room. Deliveries stay local: in a cluster every node receives the event and
    /// delivers it to its own sockets.
    func deliver(_ event: DomainEvent) async {
        switch event {
        case .messageCreated(let message, let addressedAs):
            await namespace.local.to(GatewayRoom.channel(message.channelId)).emit(
                "new_message", ["channelId": .string(addressedAs.hexString), "message": GatewayPayload.encoded(MessageView(message))])
        case .messageEdited(let message):
            await namespace.local.to(GatewayRoom.channel(message.channelId)).emit(
                "message_edited", ["channelId": .string(message.channelId.hexString), "message": GatewayPayload.encoded(MessageView(message))])
        case .messageDeleted(let message):
            await namespace.local.to(GatewayRoom.channel(message.channelId)).emit(
                "message_deleted",
                [
                    "channelId": .string(message.channelId.hexString), "messageId": .string(message.id.hexString),
                    "message": GatewayPayload.encoded(MessageView(message)),
                ])
        case .replyCreated(let reply, let parent):
            await namespace.local.to(GatewayRoom.channel(parent.channelId)).emit(
                "message_reply",
                [
                    "channelId": .string(parent.channelId.hexString), "messageId": .string(parent.id.hexString),
                    "reply": GatewayPayload.encoded(MessageView(reply)), "parent": GatewayPayload.encoded(MessageView(parent)),
                ])
        case .reactionChanged(let message, let userId, let username, let reaction):
            await namespace.local.to(GatewayRoom.channel(message.channelId)).emit(
                "message_reaction",
                [
                    "channelId": .string(message.channelId.hexString), "messageId": .string(message.id.hexString),
                    "userId": .string(userId.hexString), "username": .string(username),
                    "reaction": reaction.map(SocketIOValue.string) ?? .null, "action": .string(reaction == nil ? "removed" : "added"),
                ])
        case .memberJoined(_, let userId), .memberLeft(_, let userId), .accountChanged(let userId):
            await resync(userId: userId)
        case .channelsChanged(let groupId):
            for userId in presence.users(inGroup: groupId) { await resync(userId: userId) }
        case .callChanged(let call):
            await deliverCall(call)
        case .sessionsRevoked(let userId, let sessionIds):
            // Revoked on another node: this node stops accepting their access tokens at once
            // too, instead of when its cache entries age out.
            auth.sessions.cache.forget(sessionIds)
            for session in sessions(ofUser: userId) where sessionIds.contains(session.authSessionId) {
                await session.socket.disconnect()
            }
        }
    }

    /// Brings a user's sockets in line with what they may now read: joins new rooms, leaves
    /// lost ones, and disconnects every socket of an account that was closed or deactivated.
    func resync(userId: ObjectId) async {
        let userSessions = sessions(ofUser: userId)
        guard !userSessions.isEmpty else { return }
        do {
            guard let user = try await auth.activeUser(id: userId) else {
                for session in userSessions { await session.socket.disconnect() }
                return
            }
            let principal = Principal(user: user)
            let access = try await GatewayAccess(channels: channels).rooms(for: principal)
            presence.update(userId: userId, groups: access.groups, isSuperAdmin: principal.isSuperAdmin)
            if let entry = presence.entry(userId) { await directory.updated(userId, entry: entry) }
            for session in userSessions {
                session.principal = principal
                let current = await session.socket.rooms.filter(GatewayRoom.grantsReading)
                for room in current.subtracting(access.rooms) { await session.socket.leave(room) }
                let missing = access.rooms.subtracting(current)
                if !missing.isEmpty { await namespace.adapter.join(socketID: session.socket.id, rooms: missing) }
                if let channel = session.currentChannel, !access.rooms.contains(channel.room) { session.currentChannel = nil }
            }
        } catch {
            logger.error("could not update a user's rooms", metadata: ["user_id": .string(userId.hexString), "error": .string("\(error)")])
        }
    }

    /// Brings every local user's sockets in line with the store, after this node missed events
    /// (its Redis subscription was lost for a while).
    func resyncEveryone() async {
        let users = Set(sessions.withLock { $0.values.map(\.userId) })
        for userId in users { await resync(userId: userId) }
    }

    /// The periodic chores: expire typing indicators, broadcast the online count once per
    /// interval when it changed, and forget abandoned CONNECT approvals.
    func tick() async {
        for typist in typing.expired() {
            await emitStoppedTyping(typist)
        }
        if onlineCountChanged.exchange(false, ordering: .relaxed) {
            // The count is the cluster's: every node's sockets hear it from the node where it changed.
            await namespace.emit("online_users_count", ["count": .number(Double(await directory.onlineCount()))])
        }
        forgetStalePendingUsers()
    }
}
