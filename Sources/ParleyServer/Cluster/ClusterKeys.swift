import ParleyCore

/// The Redis keys of the realtime state the nodes share. One prefix for all, so that a
/// Redis database shared with something else stays tidy.
struct ClusterKeys: Sendable {
    var prefix = "parley:"

    /// Hash socket id → node id: the user's sockets anywhere.
    func sockets(_ userId: ObjectId) -> String { "\(prefix)presence:sockets:\(userId.hexString)" }
    /// Hash of what others see of an online user: username, status, channel, groups, admin.
    func user(_ userId: ObjectId) -> String { "\(prefix)presence:user:\(userId.hexString)" }
    /// Set of the ids of users online anywhere.
    var online: String { "\(prefix)presence:online" }
    /// Set of `userId:socketId` held by one node, for clearing a dead node away.
    func nodeSockets(_ node: String) -> String { "\(prefix)presence:node:\(node)" }
    /// Set of the node ids that ever announced themselves (a dead one is removed when reaped).
    var nodes: String { "\(prefix)nodes" }
    /// A node's heartbeat: present while the node lives (it expires when the node stops).
    func alive(_ node: String) -> String { "\(prefix)node:\(node):alive" }
    /// Taken (SET NX PX) by the one node that clears a dead node and announces its users offline.
    func reaper(_ node: String) -> String { "\(prefix)node:\(node):reaper" }
    /// Hash caller/receiver → socket id of a live call.
    func call(_ callId: ObjectId) -> String { "\(prefix)call:\(callId.hexString)" }
    /// Set of the peer ids in a video room.
    func videoRoom(_ room: String) -> String { "\(prefix)video:room:\(room)" }
    /// The owner (`userId socketId`) of a registered peer id.
    func videoPeer(_ peerId: String) -> String { "\(prefix)video:peer:\(peerId)" }
    /// Set of the rooms a peer id is registered in.
    func videoPeerRooms(_ peerId: String) -> String { "\(prefix)video:rooms:\(peerId)" }
    /// The node a PeerJS client with this peer id is connected to.
    func peerNode(_ peerId: String) -> String { "\(prefix)peerjs:peer:\(peerId)" }
    /// The channel on which a node receives PeerJS messages for its own clients.
    func peerChannel(_ node: String) -> String { "\(prefix)peerjs:\(node)" }
    /// Set of `room peerId` registered by one node.
    func videoNode(_ node: String) -> String { "\(prefix)video:node:\(node)" }
    /// Sorted sets of failed logins (score: time in ms) per account and per address.
    func loginFailures(account: String) -> String { "\(prefix)login:account:\(account)" }
    func loginFailures(address: String) -> String { "\(prefix)login:address:\(address)" }
}
