import ParleyCore
import Synchronization

/// Video rooms and the PeerJS ids in them. A peer id belongs to the user whose socket
/// registered it, until that socket leaves; the PeerJS server relays signaling only between
/// two peer ids that share a room here.
public final class VideoRoomRegistry: Sendable {
    struct Peer: Sendable {
        var userId: ObjectId
        var socketID: String
        var rooms: Set<String>
    }

    enum JoinError: Error {
        case taken
    }

    private struct State {
        var peers: [String: Peer] = [:]
        var rooms: [String: Set<String>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Adds a peer to a room and returns the other peers already there.
    func join(peerId: String, userId: ObjectId, socketID: String, room: String) throws(JoinError) -> [String] {
        try state.withLock { state throws(JoinError) in
            if let existing = state.peers[peerId], existing.userId != userId || existing.socketID != socketID {
                throw .taken
            }
            state.peers[peerId, default: Peer(userId: userId, socketID: socketID, rooms: [])].rooms.insert(room)
            let others = state.rooms[room, default: []].subtracting([peerId])
            state.rooms[room, default: []].insert(peerId)
            return others.sorted()
        }
    }

    /// Removes the caller's own peer from a room; false when it was not there or not theirs.
    func leave(peerId: String, userId: ObjectId, room: String) -> Bool {
        state.withLock { state in
            guard let peer = state.peers[peerId], peer.userId == userId, peer.rooms.contains(room) else { return false }
            Self.remove(peerId, from: room, in: &state)
            return true
        }
    }

    /// Everything a socket registered, removed (it disconnected): (room, peer id) pairs.
    func removeAll(socketID: String) -> [(room: String, peerId: String)] {
        state.withLock { state in
            var removed: [(String, String)] = []
            for (peerId, peer) in state.peers where peer.socketID == socketID {
                for room in peer.rooms {
                    Self.remove(peerId, from: room, in: &state)
                    removed.append((room, peerId))
                }
            }
            return removed
        }
    }

    /// Whether a socket has this peer id in a room.
    public func isRegistered(_ peerId: String) -> Bool {
        state.withLock { $0.peers[peerId] != nil }
    }

    /// Whether two registered peers are in at least one room together.
    public func shareRoom(_ first: String, _ second: String) -> Bool {
        state.withLock { state in
            guard let a = state.peers[first], let b = state.peers[second] else { return false }
            return !a.rooms.isDisjoint(with: b.rooms)
        }
    }

    func rooms(of socketID: String) -> Set<String> {
        state.withLock { state in state.peers.values.filter { $0.socketID == socketID }.reduce(into: Set()) { $0.formUnion($1.rooms) } }
    }

    private static func remove(_ peerId: String, from room: String, in state: inout State) {
        state.rooms[room]?.remove(peerId)
        if state.rooms[room]?.isEmpty == true { state.rooms[room] = nil }
        state.peers[peerId]?.rooms.remove(room)
        if state.peers[peerId]?.rooms.isEmpty == true { state.peers[peerId] = nil }
    }
}
