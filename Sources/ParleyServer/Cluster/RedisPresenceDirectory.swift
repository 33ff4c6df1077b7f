import Logging
import ParleyCore
import RedisClient
import Synchronization

/// Presence shared by the nodes of a cluster through Redis. Each node writes its own sockets
/// (with its node id) and keeps a heartbeat key that expires `heartbeatTTL` after its last
/// beat; a node whose heartbeat expired is cleared away by exactly one surviving node (the one
/// that takes the reaper lock), which announces its users offline. When Redis cannot be
/// reached, answers fall back to this node's own registry, and the node's sockets are written
/// again at the first heartbeat that gets through.
final class RedisPresenceDirectory: PresenceDirectory {
    let redis: RedisClient
    let node: String
    let local: PresenceRegistry
    let keys: ClusterKeys
    let heartbeatTTL: Duration
    let logger: Logger
    /// Set when a write may not have reached Redis: the next heartbeat rewrites this node's sockets.
    private let stale = Atomic<Bool>(true)
    /// Whether the last call failed, so that an outage is logged once, not per call.
    private let down = Atomic<Bool>(false)

    init(redis: RedisClient, node: String, local: PresenceRegistry, keys: ClusterKeys = ClusterKeys(), heartbeatTTL: Duration = .seconds(10), logger: Logger) {
        self.redis = redis
        self.node = node
        self.local = local
        self.keys = keys
        self.heartbeatTTL = heartbeatTTL
        self.logger = logger
    }

    func connected(_ userId: ObjectId, socketID: String, entry: PresenceRegistry.Entry, firstHere: Bool) async -> Bool {
        let reply = await run(fallback: nil) {
            try await self.redis.send(
                ["EVAL", PresenceScripts.connect, "4", keys.sockets(userId), keys.user(userId), keys.online, keys.nodeSockets(node),
                 socketID, node, userId.hexString] + Self.fields(entry, withUsername: true))
        }
        guard let reply else { return firstHere }
        return reply.int == 1
    }

    func disconnected(_ userId: ObjectId, socketID: String, lastHere: Bool) async -> Bool {
        let reply = await run(fallback: nil) {
            try await self.redis.send(
                ["EVAL", PresenceScripts.disconnect, "4", keys.sockets(userId), keys.user(userId), keys.online, keys.nodeSockets(node),
                 socketID, userId.hexString])
        }
        guard let reply else { return lastHere }
        return reply.int == 1
    }

    func updated(_ userId: ObjectId, entry: PresenceRegistry.Entry) async {
        _ = await run(fallback: nil) {
            try await self.redis.send(
                ["EVAL", PresenceScripts.update, "2", keys.user(userId), keys.online, userId.hexString]
                    + Self.fields(entry, withUsername: false))
        }
    }

    func onlineCount() async -> Int {
        let reply = await run(fallback: nil) { try await self.redis.send(["SCARD", keys.online]) }
        return reply?.int.map(Int.init) ?? local.onlineCount
    }

    func isOnline(_ userId: ObjectId) async -> Bool {
        let reply = await run(fallback: nil) { try await self.redis.send(["SISMEMBER", keys.online, userId.hexString]) }
        guard let reply else { return !local.sockets(of: userId).isEmpty }
        return reply.int == 1
    }

    func socketCount(of userId: ObjectId) async -> Int {
        let reply = await run(fallback: nil) { try await self.redis.send(["HLEN", keys.sockets(userId)]) }
        return reply?.int.map(Int.init) ?? local.sockets(of: userId).count
    }

    func visible(to viewer: ObjectId) async -> [(ObjectId, PresenceRegistry.Entry)] {
        let reply = await run(fallback: nil) { try await self.redis.send(["EVAL", PresenceScripts.online, "1", keys.online, keys.prefix]) }
        guard let values = reply?.array else { return local.visible(to: viewer) }
        var users: [ObjectId: PresenceRegistry.Entry] = [:]
        var index = 0
        while index + 5 < values.count {
            let field = { (offset: Int) in values[index + offset].string ?? "" }
            if let id = ObjectId(field(0)) {
                users[id] = PresenceRegistry.Entry(
                    username: field(1), sockets: [], status: field(2).isEmpty ? "online" : field(2),
                    currentChannel: field(3).isEmpty ? nil : field(3), groups: Self.groups(field(4)), isSuperAdmin: field(5) == "1")
            }
            index += 6
        }
        guard let me = users[viewer] else { return local.visible(to: viewer) }
        return users.filter { id, entry in id == viewer || me.isSuperAdmin || !entry.groups.isDisjoint(with: me.groups) }.map { ($0.key, $0.value) }
    }

    /// Refreshes this node's heartbeat; when Redis had lost it (restart, flush, an outage
    /// longer than the TTL) or a write failed meanwhile, writes this node's sockets again.
    func heartbeat() async throws {
        let previous = try await redis.send(["SET", keys.alive(node), "1", "PX", String(Self.milliseconds(heartbeatTTL)), "GET"])
        _ = try await redis.send(["SADD", keys.nodes, node])
        recovered()
        if previous == .null || stale.exchange(false, ordering: .relaxed) {
            try await resync()
        }
    }

    /// Has the next heartbeat write this node's sockets again.
    func markStale() { stale.store(true, ordering: .relaxed) }

    /// Replaces what Redis holds of this node with its registry as it is now.
    func resync() async throws {
        _ = try await redis.send(["EVAL", PresenceScripts.reap, "2", keys.nodeSockets(node), keys.nodes, node, keys.prefix])
        _ = try await redis.send(["SADD", keys.nodes, node])
        for (userId, entry) in local.all() {
            for socketID in entry.sockets {
                _ = try await redis.send(
                    ["EVAL", PresenceScripts.connect, "4", keys.sockets(userId), keys.user(userId), keys.online, keys.nodeSockets(node),
                     socketID, node, userId.hexString] + Self.fields(entry, withUsername: true))
            }
        }
        logger.info("presence written to Redis", metadata: ["node": .string(node), "users": .stringConvertible(local.onlineCount)])
    }

    /// Clears away every node whose heartbeat expired (and this node's own leftovers from a
    /// previous run, when `includingSelf`): the nodes cleared, and the users who thereby went
    /// offline, to announce. Each dead node is cleared by one node only, the one that takes
    /// its reaper lock.
    func reapDeadNodes(includingSelf: Bool = false) async throws -> (nodes: [String], users: [DepartedUser]) {
        var departed: [DepartedUser] = []
        var cleared: [String] = []
        let nodes = try await redis.send(["SMEMBERS", keys.nodes]).array?.compactMap(\.string) ?? []
        for other in Set(nodes).union(includingSelf ? [node] : []) {
            if other == node && !includingSelf { continue }
            if other != node, try await redis.send(["EXISTS", keys.alive(other)]).int != 0 { continue }
            // This node's own leftovers need no lock: no one else clears a node that beats.
            if other != node {
                let lock = try await redis.send(["SET", keys.reaper(other), node, "NX", "PX", String(Self.milliseconds(heartbeatTTL))])
                guard lock.string == "OK" else { continue }
            }
            let values = try await redis.send(["EVAL", PresenceScripts.reap, "2", keys.nodeSockets(other), keys.nodes, other, keys.prefix])
            // Released at once: the dead node is gone from `nodes`, and the reap itself is one
            // atomic step, so a later reaper finds nothing left (a node restarted under this id
            // must be clearable again as soon as it dies again).
            if other != node { _ = try await redis.send(["DEL", keys.reaper(other)]) }
            cleared.append(other)
            let fields = values.array?.map { $0.string ?? "" } ?? []
            for start in stride(from: 0, to: fields.count - 2, by: 3) {
                guard let id = ObjectId(fields[start]) else { continue }
                departed.append(DepartedUser(userId: id, username: fields[start + 1], groups: Self.groups(fields[start + 2])))
            }
            if other != node {
                logger.warning("node stopped beating: its users are offline", metadata: ["node": .string(other), "users": .stringConvertible(departed.count)])
            }
        }
        return (cleared, departed)
    }

    /// Removes this node's heartbeat and sockets (a clean shutdown).
    func leave() async {
        _ = try? await redis.send(["EVAL", PresenceScripts.reap, "2", keys.nodeSockets(node), keys.nodes, node, keys.prefix])
        _ = try? await redis.send(["DEL", keys.alive(node)])
    }

    private func run(fallback: RedisValue?, _ command: () async throws -> RedisValue) async -> RedisValue? {
        do {
            let value = try await command()
            recovered()
            return value
        } catch {
            stale.store(true, ordering: .relaxed)
            if !down.exchange(true, ordering: .relaxed) {
                logger.error("Redis unreachable: presence falls back to this node's sockets", metadata: ["error": .string("\(error)")])
            }
            return fallback
        }
    }

    private func recovered() {
        if down.exchange(false, ordering: .relaxed) { logger.info("Redis reachable again: presence is shared") }
    }

    static func fields(_ entry: PresenceRegistry.Entry, withUsername: Bool) -> [String] {
        let rest = [
            entry.status, entry.currentChannel ?? "", entry.groups.map(\.hexString).sorted().joined(separator: ","),
            entry.isSuperAdmin ? "1" : "0",
        ]
        return withUsername ? [entry.username] + rest : rest
    }

    static func groups(_ text: String) -> Set<ObjectId> {
        Set(text.split(separator: ",").compactMap { ObjectId(String($0)) })
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
