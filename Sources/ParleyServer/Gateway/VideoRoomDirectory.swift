import ParleyCore

/// Video rooms and their PeerJS ids as the whole deployment sees them: who is already in a
/// room when someone joins, and whose a peer id is. Alone this is the node's
/// `VideoRoomRegistry` (`LocalVideoRooms`); in a cluster the rooms are also kept in Redis
/// (`RedisVideoRooms`), so two users on two nodes meet in one room.
protocol VideoRoomDirectory: Sendable {
    /// Adds a peer to a room; the other peers already there.
    func join(peerId: String, userId: ObjectId, socketID: String, room: String) async throws(VideoRoomRegistry.JoinError) -> [String]
    /// Removes the caller's own peer from a room; false when it was not there or not theirs.
    func leave(peerId: String, userId: ObjectId, room: String) async -> Bool
    /// Everything a socket of this node registered, removed (it disconnected).
    func removeAll(socketID: String) async -> [(room: String, peerId: String)]
}

/// A node alone: its registry is every room.
struct LocalVideoRooms: VideoRoomDirectory {
    let registry: VideoRoomRegistry

    func join(peerId: String, userId: ObjectId, socketID: String, room: String) async throws(VideoRoomRegistry.JoinError) -> [String] {
        try registry.join(peerId: peerId, userId: userId, socketID: socketID, room: room)
    }

    func leave(peerId: String, userId: ObjectId, room: String) async -> Bool {
        registry.leave(peerId: peerId, userId: userId, room: room)
    }

    func removeAll(socketID: String) async -> [(room: String, peerId: String)] {
        registry.removeAll(socketID: socketID)
    }
}
