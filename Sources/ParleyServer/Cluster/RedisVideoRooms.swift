import ParleyCore
import RedisClient

/// Video rooms kept in Redis as well as in this node's registry (which the PeerJS server and
/// the disconnect clean-up read): a set of peer ids per room, the owner of each peer id
/// (`userId socketId`, so an id cannot be taken from another node), and per node the
/// `room peerId` pairs it registered (room ids have no spaces; peer ids may), to clear a dead node's peers away. While Redis cannot be
/// reached the node's own registry answers.
struct RedisVideoRooms: VideoRoomDirectory {
    let registry: VideoRoomRegistry
    let redis: RedisClient
    let node: String
    let keys: ClusterKeys

    /// KEYS: peer owner, room, node set, the peer's rooms. ARGV: owner, peer id, room. The peers already in
    /// the room, or -1 when the id is someone else's.
    static let join = """
        local owner = redis.call('GET', KEYS[1])
        if owner and owner ~= ARGV[1] then return -1 end
        redis.call('SET', KEYS[1], ARGV[1])
        local others = redis.call('SMEMBERS', KEYS[2])
        redis.call('SADD', KEYS[2], ARGV[2])
        redis.call('SADD', KEYS[3], ARGV[3] .. ' ' .. ARGV[2])
        redis.call('SADD', KEYS[4], ARGV[3])
        return others
        """

    /// KEYS: node set. ARGV: key prefix. Removes every peer the node registered; returns
    /// `room, peerId` pairs (two entries each).
    static let reap = """
        local left = {}
        local members = redis.call('SMEMBERS', KEYS[1])
        for i = 1, #members do
          local room, peer = string.match(members[i], '^(%S+) (.+)$')
          if peer then
            redis.call('SREM', ARGV[1] .. 'video:room:' .. room, peer)
            redis.call('DEL', ARGV[1] .. 'video:peer:' .. peer)
            redis.call('SREM', ARGV[1] .. 'video:rooms:' .. peer, room)
            table.insert(left, room)
            table.insert(left, peer)
          end
        end
        redis.call('DEL', KEYS[1])
        return left
        """

    func join(peerId: String, userId: ObjectId, socketID: String, room: String) async throws(VideoRoomRegistry.JoinError) -> [String] {
        let owner = "\(userId.hexString) \(socketID)"
        let reply = try? await redis.send(
            [
                "EVAL", Self.join, "4", keys.videoPeer(peerId), keys.videoRoom(room), keys.videoNode(node), keys.videoPeerRooms(peerId), owner,
                peerId, room,
            ])
        if reply?.int == -1 { throw .taken }
        let here = try registry.join(peerId: peerId, userId: userId, socketID: socketID, room: room)
        guard let elsewhere = reply?.array?.compactMap(\.string) else { return here }
        return Set(here).union(elsewhere).subtracting([peerId]).sorted()
    }

    func leave(peerId: String, userId: ObjectId, room: String) async -> Bool {
        guard registry.leave(peerId: peerId, userId: userId, room: room) else { return false }
        await forget([(room, peerId)])
        return true
    }

    func removeAll(socketID: String) async -> [(room: String, peerId: String)] {
        let removed = registry.removeAll(socketID: socketID)
        await forget(removed)
        return removed
    }

    /// Clears a dead node's peers away: the `(room, peerId)` pairs it held.
    func reap(node dead: String) async throws -> [(room: String, peerId: String)] {
        let values = try await redis.send(["EVAL", Self.reap, "1", keys.videoNode(dead), keys.prefix]).array?.map { $0.string ?? "" } ?? []
        return stride(from: 0, to: values.count - 1, by: 2).map { (values[$0], values[$0 + 1]) }
    }

    private func forget(_ pairs: [(room: String, peerId: String)]) async {
        for (room, peerId) in pairs {
            _ = try? await redis.send(["SREM", keys.videoRoom(room), peerId])
            _ = try? await redis.send(["SREM", keys.videoNode(node), "\(room) \(peerId)"])
            _ = try? await redis.send(["SREM", keys.videoPeerRooms(peerId), room])
            if !registry.isRegistered(peerId) { _ = try? await redis.send(["DEL", keys.videoPeer(peerId)]) }
        }
    }
}
