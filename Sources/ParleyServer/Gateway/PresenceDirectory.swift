import ParleyCore

/// Who is online in the whole deployment. The gateway keeps its own sockets in a
/// `PresenceRegistry`; this answers the questions that span every node: is a user's socket
/// the first or last one anywhere, how many users are online, who can see whom, and how many
/// sockets a user holds in all. Alone (no `REDIS_URL`) the node's registry is the whole
/// answer (`LocalPresenceDirectory`); in a cluster it is Redis (`RedisPresenceDirectory`).
protocol PresenceDirectory: Sendable {
    /// A socket of this node was counted present; `firstHere` is whether it is the user's
    /// first on this node. True when it is the user's first socket anywhere (they came online).
    func connected(_ userId: ObjectId, socketID: String, entry: PresenceRegistry.Entry, firstHere: Bool) async -> Bool

    /// A socket of this node went away; `lastHere` is whether it was the user's last on this
    /// node. True when it was their last socket anywhere (they went offline).
    func disconnected(_ userId: ObjectId, socketID: String, lastHere: Bool) async -> Bool

    /// The user's status, channel, groups or role changed (the entry as this node has it now).
    func updated(_ userId: ObjectId, entry: PresenceRegistry.Entry) async

    /// Distinct users online.
    func onlineCount() async -> Int

    /// Whether the user has a socket anywhere.
    func isOnline(_ userId: ObjectId) async -> Bool

    /// How many sockets the user holds in all.
    func socketCount(of userId: ObjectId) async -> Int

    /// Online users who share a group with the viewer (everyone for a super_admin).
    func visible(to viewer: ObjectId) async -> [(ObjectId, PresenceRegistry.Entry)]
}
