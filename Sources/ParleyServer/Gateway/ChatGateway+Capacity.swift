import ParleyCore
import SocketIO

extension ChatGateway {
    /// Takes one of the user's `maximumSocketsPerUser` places for a CONNECT, or refuses it.
    /// Sockets whose client vanished without closing would hold their place until the
    /// heartbeat ends them (`pingInterval + pingTimeout`, 85 s by default): at the cap, those
    /// are closed first to make room. Live sockets are never closed for a newcomer.
    func admit(_ user: User, sessionId: ObjectId, engineSessionID: String) async -> Bool {
        // Sockets the user holds on other nodes count toward the cap too.
        let elsewhere = max(0, await directory.socketCount(of: user.id) - presence.sockets(of: user.id).count)
        if reserve(user, sessionId: sessionId, engineSessionID: engineSessionID, elsewhere: elsewhere) { return true }
        let vanished = sessions(ofUser: user.id).filter { $0.socket.isUnresponsive }
        guard !vanished.isEmpty else { return false }
        for session in vanished {
            // Leaving the namespace first runs the disconnect handlers before this returns, so
            // the place is free for the second attempt; then the Engine.IO session goes too.
            await session.socket.disconnect()
            await session.socket.disconnect(closeConnection: true)
        }
        return reserve(user, sessionId: sessionId, engineSessionID: engineSessionID, elsewhere: elsewhere)
    }

    /// Counts present sockets and approvals still on their way (so concurrent CONNECTs cannot
    /// overshoot the cap together) and records the approval when there is room.
    private func reserve(_ user: User, sessionId: ObjectId, engineSessionID: String, elsewhere: Int) -> Bool {
        pendingUsers.withLock { pending in
            let arriving = pending.values.filter { $0.user.id == user.id }.count
            guard elsewhere + presence.sockets(of: user.id).count + arriving < Self.maximumSocketsPerUser else { return false }
            pending[engineSessionID] = PendingUser(user: user, sessionId: sessionId, since: .now)
            return true
        }
    }
}
