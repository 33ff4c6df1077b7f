import Foundation
import Logging
import RedisClient

/// PeerJS relay through Redis: each node records the peers connected to it
/// (`peerjs:peer:<id>` → node, expiring unless refreshed by the peer's heartbeats, so a dead
/// node's peers vanish) and listens on its own channel `peerjs:<node>`. Room membership is
/// read from the video-room sets every node writes.
struct RedisPeerRelay: PeerRelay {
    let redis: RedisClient
    let subscriber: RedisSubscriber
    let node: String
    let keys: ClusterKeys
    let logger: Logger
    /// Longer than PeerJS's alive timeout (90 s); clients heartbeat every 5 s.
    static let lifetimeSeconds = 120

    /// KEYS: peer node key. ARGV: node. Deletes the key only while it names this node (the
    /// peer may have reconnected to another one since).
    static let detach = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 0
        """

    func shareRoom(_ first: String, _ second: String) async -> Bool {
        let reply = try? await redis.send(["SINTER", keys.videoPeerRooms(first), keys.videoPeerRooms(second)])
        return !(reply?.array?.isEmpty ?? true)
    }

    func attached(_ id: String) async {
        _ = try? await redis.send(["SET", keys.peerNode(id), node, "EX", String(Self.lifetimeSeconds)])
    }

    func detached(_ id: String) async {
        _ = try? await redis.send(["EVAL", Self.detach, "1", keys.peerNode(id), node])
    }

    func forward(_ message: RelayedPeerMessage) async -> Bool {
        guard let holder = try? await redis.send(["GET", keys.peerNode(message.destination)]).string, holder != node,
            let payload = try? JSONEncoder().encode(message)
        else { return false }
        // No subscriber: that node is gone, and the peer with it.
        let receivers = try? await redis.send(["PUBLISH", keys.peerChannel(holder), String(decoding: payload, as: UTF8.self)])
        return (receivers?.int ?? 0) > 0
    }

    func run(deliver: @escaping @Sendable (RelayedPeerMessage) -> Void, localPeers: @escaping @Sendable () -> [String]) async {
        for await event in subscriber.messages(channels: [keys.peerChannel(node)]) {
            switch event {
            case .message(_, let payload):
                guard let message = try? JSONDecoder().decode(RelayedPeerMessage.self, from: Data(payload)) else {
                    logger.warning("unreadable PeerJS relay message")
                    continue
                }
                deliver(message)
            case .reconnected:
                // Redis may have restarted empty: say again which peers are here.
                for id in localPeers() { await attached(id) }
            }
        }
    }
}
