import Foundation
import Logging
import ParleyCore
import RedisClient
import Testing

@testable import ParleyServer

/// Two or three "nodes" (each its own registry and directory) sharing one real redis-server.
@Suite(.enabled(if: ClusterRedis.installed, "redis-server is not installed (apt-get install redis-server)"))
struct RedisPresenceTests {
    let logger = Logger(label: "cluster-test")

    private func withRedis(_ body: (ClusterRedis) async throws -> Void) async throws {
        let redis = try ClusterRedis()
        do {
            try await redis.ready()
            try await body(redis)
        } catch {
            await redis.stop()
            throw error
        }
        await redis.stop()
    }

    private func node(_ name: String, _ redis: ClusterRedis, ttl: Duration = .seconds(10)) -> RedisPresenceDirectory {
        RedisPresenceDirectory(redis: redis.client, node: name, local: PresenceRegistry(), heartbeatTTL: ttl, logger: logger)
    }

    /// Connects a socket on a node as the gateway does: registry first, then the directory.
    private func connect(_ user: Principal, _ socket: String, on node: RedisPresenceDirectory, groups: Set<ObjectId>) async -> Bool {
        let firstHere = node.local.connect(user, socketID: socket, groups: groups)
        return await node.connected(user.userId, socketID: socket, entry: node.local.entry(user.userId)!, firstHere: firstHere)
    }

    private func disconnect(_ user: Principal, _ socket: String, on node: RedisPresenceDirectory) async -> Bool {
        let last = node.local.disconnect(userId: user.userId, socketID: socket)
        return await node.disconnected(user.userId, socketID: socket, lastHere: last != nil)
    }

    private func user(_ name: String) -> Principal {
        Principal(userId: ObjectId(), username: name, email: "\(name)@example.com", roles: [.user])
    }

    @Test func aUserIsOnlineWhileAnySocketOnAnyNodeIs() async throws {
        try await withRedis { redis in
            let (a, b) = (node("a", redis), node("b", redis))
            let group = ObjectId()
            let (alice, bob, stranger) = (user("alice"), user("bob"), user("stranger"))

            #expect(await connect(alice, "a1", on: a, groups: [group]))
            #expect(await !connect(alice, "b1", on: b, groups: [group]), "a second socket on another node is not a new arrival")
            #expect(await connect(bob, "b2", on: b, groups: [group]))
            #expect(await connect(stranger, "a2", on: a, groups: [ObjectId()]))
            #expect(await a.onlineCount() == 3)
            #expect(await b.isOnline(alice.userId))
            #expect(await b.socketCount(of: alice.userId) == 2)

            // Bob (on b) sees alice (whose status was set on a) but not the stranger.
            _ = a.local.update(userId: alice.userId, status: "busy", currentChannel: nil)
            await a.updated(alice.userId, entry: a.local.entry(alice.userId)!)
            let seen = Dictionary(uniqueKeysWithValues: await b.visible(to: bob.userId).map { ($0.0, $0.1) })
            #expect(Set(seen.keys) == [alice.userId, bob.userId])
            #expect(seen[alice.userId]?.status == "busy")
            #expect(seen[alice.userId]?.username == "alice")

            #expect(await !disconnect(alice, "a1", on: a), "her socket on b keeps her online")
            #expect(await b.isOnline(alice.userId))
            #expect(await disconnect(alice, "b1", on: b))
            #expect(await !a.isOnline(alice.userId))
            #expect(await a.onlineCount() == 2)
            let lingering = try await redis.client.send(["EXISTS", ClusterKeys().user(alice.userId)])
            #expect(lingering.int == 0, "nothing of her lingers")
        }
    }

    @Test func aDeadNodesUsersGoOfflineOnceAndOthersStay() async throws {
        try await withRedis { redis in
            // Long enough that a and c, beating every 100 ms, never miss one even when the machine
            // stalls the test for a second (CI under load); b's lapses after it.
            let ttl = Duration.seconds(3)
            let (a, b, c) = (node("a", redis, ttl: ttl), node("b", redis, ttl: ttl), node("c", redis, ttl: ttl))
            let group = ObjectId()
            let (ann, ben, bea) = (user("ann"), user("ben"), user("bea"))
            for n in [a, b, c] { try await n.heartbeat() }
            _ = await connect(ann, "a1", on: a, groups: [group])
            _ = await connect(ben, "b1", on: b, groups: [group])
            _ = await connect(bea, "b2", on: b, groups: [group])
            _ = await connect(bea, "c1", on: c, groups: [group])

            // b stops beating (killed); a and c keep going.
            let start = ContinuousClock.now
            var departed: [DepartedUser] = []
            while departed.isEmpty, ContinuousClock.now - start < .seconds(10) {
                try await Task.sleep(for: .milliseconds(100))
                try await a.heartbeat()
                try await c.heartbeat()
                // Both survivors look at once: exactly one of them clears b.
                async let fromA = a.reapDeadNodes()
                async let fromC = c.reapDeadNodes()
                departed = try await fromA.users + fromC.users
            }
            #expect(ContinuousClock.now - start < ttl + .seconds(3))
            #expect(departed.map(\.userId) == [ben.userId], "ben went offline once; bea still has a socket on c")
            #expect(departed.first?.username == "ben")
            #expect(departed.first?.groups == [group])
            #expect(await a.onlineCount() == 2)
            #expect(await a.socketCount(of: bea.userId) == 1)
            let again = try await a.reapDeadNodes()
            #expect(again.nodes.isEmpty, "b is cleared only once")
            let nodes = try await redis.client.send(["SMEMBERS", ClusterKeys().nodes])
            #expect(nodes.array?.compactMap(\.string).sorted() == ["a", "c"])

            // b comes back under the same id: its previous run's leftovers are gone, it rejoins.
            let restarted = node("b", redis, ttl: ttl)
            try await a.heartbeat()
            try await c.heartbeat()
            let leftovers = try await restarted.reapDeadNodes(includingSelf: true)
            #expect(leftovers.users.isEmpty)
            try await restarted.heartbeat()
            #expect(await connect(ben, "b9", on: restarted, groups: [group]))
            #expect(await a.isOnline(ben.userId))
        }
    }

    @Test func aNodeWritesItsSocketsAgainWhenRedisLostThem() async throws {
        try await withRedis { redis in
            let a = node("a", redis)
            let ann = user("ann")
            try await a.heartbeat()
            _ = await connect(ann, "a1", on: a, groups: [])
            _ = try await redis.client.send(["FLUSHALL"])
            #expect(await !a.isOnline(ann.userId))
            try await a.heartbeat()
            #expect(await a.isOnline(ann.userId))
            #expect(await a.onlineCount() == 1)
        }
    }

    @Test func failedLoginsCountAcrossNodes() async throws {
        try await withRedis { redis in
            let limits = LoginThrottle.Limits(failuresPerAccount: 3, failuresPerAddress: 5, window: .seconds(60))
            let nodes = (0..<2).map { _ in
                RedisLoginThrottle(redis: redis.client, limits: limits, fallback: LoginThrottle(limits: limits), keys: ClusterKeys(), logger: logger)
            }
            let now = Date()
            await nodes[0].recordFailure(account: "Alice", address: "10.0.0.1", now: now)
            await nodes[1].recordFailure(account: "alice", address: "10.0.0.2", now: now)
            #expect(await nodes[0].retryAfter(account: "alice", address: "10.0.0.3", now: now) == nil)
            await nodes[0].recordFailure(account: "alice", address: "10.0.0.1", now: now)
            let wait = await nodes[1].retryAfter(account: "ALICE", address: "10.0.0.9", now: now.addingTimeInterval(10))
            #expect(wait == 50, "the third failure, made on the other node, locks the account until the first ages out")
            #expect(await nodes[1].retryAfter(account: "alice", address: "10.0.0.9", now: now.addingTimeInterval(61)) == nil)

            // Per address: five accounts guessed from one address through both nodes.
            for index in 0..<5 {
                await nodes[index % 2].recordFailure(account: "user\(index)", address: "10.9.9.9", now: now)
            }
            #expect(await nodes[0].retryAfter(account: "someone", address: "10.9.9.9", now: now) == 60)
            await nodes[1].recordSuccess(account: "alice")
            #expect(await nodes[0].retryAfter(account: "alice", address: "10.0.0.3", now: now) == nil)
        }
    }

    @Test func aCallAnsweredOnOneNodeIsFoundFromAnother() async throws {
        try await withRedis { redis in
            let keys = ClusterKeys()
            let onA = RedisCallSockets(redis: redis.client, router: CallRouter(), keys: keys)
            let onB = RedisCallSockets(redis: redis.client, router: CallRouter(), keys: keys)
            let call = ObjectId()
            await onA.bind(callId: call, socketID: "caller-socket", asCaller: true)
            await onB.bind(callId: call, socketID: "answering-socket", asCaller: false)
            let seenFromA = await onA.sockets(of: call)
            #expect(seenFromA.caller == "caller-socket")
            #expect(seenFromA.receiver == "answering-socket")
        }
    }

    @Test func peersOnTwoNodesMeetInOneVideoRoom() async throws {
        try await withRedis { redis in
            let keys = ClusterKeys()
            let onA = RedisVideoRooms(registry: VideoRoomRegistry(), redis: redis.client, node: "a", keys: keys)
            let onB = RedisVideoRooms(registry: VideoRoomRegistry(), redis: redis.client, node: "b", keys: keys)
            let (ann, ben) = (ObjectId(), ObjectId())
            let annPeer = "\(ann.hexString)_cam one"
            #expect(try await onA.join(peerId: annPeer, userId: ann, socketID: "a1", room: "room_x").isEmpty)
            #expect(try await onB.join(peerId: "\(ben.hexString)_cam", userId: ben, socketID: "b1", room: "room_x") == [annPeer])
            await #expect(throws: VideoRoomRegistry.JoinError.taken) {
                try await onB.join(peerId: annPeer, userId: ben, socketID: "b1", room: "room_x")
            }
            // a dies: its peer leaves the room for everyone, once.
            let left = try await onB.reap(node: "a")
            #expect(left.map(\.peerId) == [annPeer])
            #expect(left.map(\.room) == ["room_x"])
            let members = try await redis.client.send(["SMEMBERS", keys.videoRoom("room_x")])
            #expect(members.array?.compactMap(\.string) == ["\(ben.hexString)_cam"])
        }
    }
}
