import Foundation
import Logging
import RedisClient

/// PeerJS relay through Redis: each node records the peers connected to it
/// (`peerjs:peer:<id>` → `node token`, expiring unless refreshed by the peer's heartbeats, so a
/// dead node's peers vanish) and listens on its own channel `peerjs:<node>`. Room membership is
/// read from the video-room sets every node writes. The token makes the one-client-per-id rule
/// cluster-wide: an id held (or, while registered, reserved: `~ token`) by one client's token
/// cannot be opened with another on another node.
struct RedisPeerRelay: PeerRelay {
    let redis: RedisClient
    let subscriber: RedisSubscriber
    let node: String
    let keys: ClusterKeys
    let logger: Logger
    /// Longer than PeerJS's alive timeout (90 s); clients heartbeat every 5 s.
    static let lifetimeSeconds = 120

    /// KEYS: peer node key, video peer owner key. ARGV: node, token, lifetime. 0 when another
    /// token holds the id (or keeps it reserved while it is registered).
    static let claim = """
        local held = redis.call('GET', KEYS[1])
        if held then
          local node, token = string.match(held, '^(%S+) (.*)$')
          if token ~= ARGV[2] and (node ~= '~' or redis.call('EXISTS', KEYS[2]) == 1) then return 0 end
        end
        redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. ARGV[2], 'EX', ARGV[3])
        return 1
        """

    /// KEYS: peer node key, video peer owner key. ARGV: node, token, lifetime. Only while
    /// the key names this node and token (the client may have reconnected elsewhere): the id
    /// stays reserved for the token while registered, as on one node, else is given up.
    static let detach = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] .. ' ' .. ARGV[2] then return 0 end
        if redis.call('EXISTS', KEYS[2]) == 1 then
          redis.call('SET', KEYS[1], '~ ' .. ARGV[2], 'EX', ARGV[3])
        else
          redis.call('DEL', KEYS[1])
        end
        return 0
        """

    func shareRoom(_ first: String, _ second: String) async -> Bool {
        let reply = try? await redis.send(["SINTER", keys.videoPeerRooms(first), keys.videoPeerRooms(second)])
        return !(reply?.array?.isEmpty ?? true)
    }

    func attached(_ id: String, token: String) async -> Bool {
        let reply = try? await redis.send(
            ["EVAL", Self.claim, "2", keys.peerNode(id), keys.videoPeer(id), node, token, String(Self.lifetimeSeconds)])
        // While Redis cannot be reached the node keeps its client.
        return reply?.int != 0
    }

    func detached(_ id: String, token: String) async {
        _ = try? await redis.send(["EVAL", Self.detach, "2", keys.peerNode(id), keys.videoPeer(id), node, token, String(Self.lifetimeSeconds)])
    }

    func forward(_ message: RelayedPeerMessage) async -> Bool {
        guard let held = try? await redis.send(["GET", keys.peerNode(message.destination)]).string,
            let holder = held.split(separator: " ", maxSplits: 1).first.map(String.init), holder != node, holder != "~",
            let payload = try? JSONEncoder().encode(message)
        else { return false }
        // No subscriber: that node is gone, and the peer with it.
        let receivers = try? await redis.send(["PUBLISH", keys.peerChannel(holder), String(decoding: payload, as: UTF8.self)])
        return (receivers?.int ?? 0) > 0
    }

    func run(deliver: @escaping @Sendable (RelayedPeerMessage) -> Void, localPeers: @escaping @Sendable () -> [(id: String, token: String)]) async {
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
                for (id, token) in localPeers() { _ = await attached(id, token: token) }
            }
        }
    }
}
