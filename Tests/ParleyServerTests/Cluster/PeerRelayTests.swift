import Foundation
import Hummingbird
import Logging
import ParleyCore
import RedisClient
import RedisTestSupport
import SocketIO
import Testing

@testable import ParleyServer

/// Two PeerJS servers ("nodes", each its own video-room registry, listener and subscription)
/// sharing one real redis-server: signaling crosses between them, only within a video room.
@Suite(.enabled(if: ClusterRedis.installed, "redis-server is not installed (apt-get install redis-server)"))
struct PeerRelayTests {
    let logger = Logger(label: "cluster-test")

    struct Node {
        let peers: PeerSignalingServer
        let rooms: RedisVideoRooms
        let port: Int
        let subscriber: RedisSubscriber
    }

    private func node(_ name: String, port: Int, redis: ClusterRedis, group: inout ThrowingTaskGroup<Void, any Error>) -> Node {
        let registry = VideoRoomRegistry()
        let subscriber = RedisSubscriber(url: RedisURL(host: "127.0.0.1", port: redis.port), logger: logger)
        let relay = RedisPeerRelay(redis: redis.client, subscriber: subscriber, node: name, keys: ClusterKeys(), logger: logger)
        let peers = PeerSignalingServer(rooms: registry, relay: relay, logger: logger)
        let app = PeerServerListener.application(
            peers: peers, host: "127.0.0.1", port: port,
            protection: HTTPServerProtection(limits: HTTPConnectionLimits(requestHeadTimeout: .seconds(300), idleTimeout: .seconds(300))),
            logger: logger)
        group.addTask { try await app.runService() }
        group.addTask { await peers.runRelay() }
        return Node(peers: peers, rooms: RedisVideoRooms(registry: registry, redis: redis.client, node: name, keys: ClusterKeys()), port: port, subscriber: subscriber)
    }

    /// Connects a PeerJS client, retrying while the listener is still starting.
    private func open(_ node: Node, id: String, token: String) async throws -> TestPeerClient {
        for _ in 0..<20 {
            let client = TestPeerClient.connect(port: node.port, id: id, token: token)
            if (try? await client.next("OPEN", timeout: .seconds(3))) != nil { return client }
            // Closed before the next try: an attempt that was only slow (a loaded machine) would
            // otherwise keep the id, and every later try would be answered ID-TAKEN.
            await client.close()
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RedisError.unreachable("PeerJS listener on \(node.port) did not open")
    }

    @Test func offerAnswerAndCandidatesCrossNodesOnlyWithinAVideoRoom() async throws {
        let redis = try ClusterRedis()
        do {
            try await redis.ready()
            try await relayBetweenTwoNodes(redis)
        } catch {
            await redis.stop()
            throw error
        }
        await redis.stop()
    }

    private func relayBetweenTwoNodes(_ redis: ClusterRedis) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Also when an expectation throws: the listeners and relays must end with the test.
            defer { group.cancelAll() }
            // Free ports, not fixed ones: suites run side by side, on machines that run other things.
            let a = node("a", port: try RedisServerProcess.freePort(), redis: redis, group: &group)
            let b = node("b", port: try RedisServerProcess.freePort(), redis: redis, group: &group)
            #expect(await a.subscriber.waitUntilSubscribed())
            #expect(await b.subscriber.waitUntilSubscribed())
            let (alice, bob, mallory) = (ObjectId(), ObjectId(), ObjectId())
            let (alicePeer, bobPeer, malloryPeer) = ("\(alice.hexString)_1_a", "\(bob.hexString)_1_b", "\(mallory.hexString)_1_m")
            // Alice's socket registered her on node a, Bob's on b; Mallory is in another room.
            _ = try await a.rooms.join(peerId: alicePeer, userId: alice, socketID: "sa", room: "room_1")
            #expect(try await b.rooms.join(peerId: bobPeer, userId: bob, socketID: "sb", room: "room_1") == [alicePeer])
            _ = try await b.rooms.join(peerId: malloryPeer, userId: mallory, socketID: "sm", room: "room_2")

            let aliceClient = try await open(a, id: alicePeer, token: "t1")
            let bobClient = try await open(b, id: bobPeer, token: "t2")
            let malloryClient = try await open(a, id: malloryPeer, token: "t3")
            // The peer → node records are written by the relay's queue, just after OPEN.
            try await Task.sleep(for: .milliseconds(300))

            try aliceClient.send(["type": "OFFER", "dst": bobPeer, "src": "forged", "payload": ["sdp": "offer-sdp", "connectionId": "mc_1"]])
            let offer = try await bobClient.next("OFFER")
            #expect(offer["src"] as? String == alicePeer, "src is the sender's own id")
            #expect((offer["payload"] as? [String: Any])?["connectionId"] as? String == "mc_1")
            try bobClient.send(["type": "ANSWER", "dst": alicePeer, "payload": ["sdp": "answer-sdp", "connectionId": "mc_1"]])
            #expect(try await aliceClient.next("ANSWER")["src"] as? String == bobPeer)
            for n in 1...3 { try aliceClient.send(["type": "CANDIDATE", "dst": bobPeer, "payload": ["candidate": "a\(n)"]]) }
            try bobClient.send(["type": "CANDIDATE", "dst": alicePeer, "payload": ["candidate": "b1"]])
            #expect(try await aliceClient.next("CANDIDATE")["src"] as? String == bobPeer)
            try await waitFor { bobClient.received("CANDIDATE").count == 3 }
            let order = bobClient.received("CANDIDATE").compactMap { ($0["payload"] as? [String: Any])?["candidate"] as? String }
            #expect(order == ["a1", "a2", "a3"], "a peer's messages keep their order across nodes")

            // Mallory shares no room with Bob: nothing crosses, and she hears EXPIRE.
            try malloryClient.send(["type": "OFFER", "dst": bobPeer, "payload": ["sdp": "x"]])
            #expect(try await malloryClient.next("EXPIRE")["src"] as? String == bobPeer)
            try bobClient.send(["type": "CANDIDATE", "dst": malloryPeer, "payload": ["candidate": "x"]])
            #expect(try await bobClient.next("EXPIRE")["src"] as? String == malloryPeer)
            try await Task.sleep(for: .milliseconds(300))
            #expect(bobClient.received("OFFER").count == 1)
            #expect(malloryClient.received("CANDIDATE").isEmpty)

            // Someone who learnt Alice's id cannot take it on the other node: refused, and
            // what Bob sends still reaches Alice.
            let thief = TestPeerClient.connect(port: b.port, id: alicePeer, token: "stolen")
            #expect(try await thief.next("ID-TAKEN")["type"] as? String == "ID-TAKEN")
            try bobClient.send(["type": "CANDIDATE", "dst": alicePeer, "payload": ["candidate": "b2"]])
            try await waitFor { aliceClient.received("CANDIDATE").count == 2 }
            #expect(thief.received("CANDIDATE").isEmpty)
        }
    }

    private func waitFor(_ condition: () -> Bool) async throws {
        for _ in 0..<200 where !condition() { try await Task.sleep(for: .milliseconds(25)) }
        #expect(condition())
    }
}
