import Logging
import NIOCore
import NIOPosix
import RedisClient
import RedisTestSupport
import Synchronization
import Testing

@testable import SocketIO

/// Two adapters on one real redis-server, as two server processes would have: a broadcast
/// reaches the room's sockets on both, once each, with its exclusions; `.local` stays home.
@Suite(.enabled(if: RedisServerProcess.binary != nil, "redis-server is not installed (apt-get install redis-server)"))
struct RedisAdapterTests {
    /// One "server": its adapter and what it delivered to which socket.
    final class Node: Sendable {
        let adapter: RedisAdapter
        let subscriber: RedisSubscriber
        let publisher: RedisPublisher
        let delivered = Mutex<[(socket: String, text: String)]>([])

        init(name: String, url: RedisURL, pool: NIOThreadPool) {
            let logger = Logger(label: "adapter-\(name)")
            subscriber = RedisSubscriber(url: url, logger: logger)
            publisher = RedisPublisher(client: RedisClient(url: url, threadPool: pool, logger: logger))
            adapter = RedisAdapter(namespace: "/", nodeID: name, publisher: publisher, subscriber: subscriber, logger: logger)
        }

        func start() {
            adapter.start(recovery: nil) { [self] socket, frames in
                guard case .text(let buffer) = frames.first else { return }
                delivered.withLock { $0.append((socket, String(buffer: buffer))) }
            }
        }

        func received(_ socket: String) -> [String] {
            delivered.withLock { $0.filter { $0.socket == socket }.map(\.text) }
        }

        func shutdown() async {
            subscriber.shutdown()
            await publisher.shutdown()
        }
    }

    func event(_ name: String) -> SocketIOPacket {
        SocketIOPacket(type: .event, namespace: "/", data: .array([.string(name), .object(["n": .number(1)])]))
    }

    func eventually(_ condition: () -> Bool) async {
        for _ in 0..<100 where !condition() { try? await Task.sleep(for: .milliseconds(20)) }
    }

    @Test func broadcastsReachRoomsOnEveryServerOnceAndLocalOnesStayHome() async throws {
        let server = try RedisServerProcess()
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let url = RedisURL(host: "127.0.0.1", port: server.port)
        let a = Node(name: "A", url: url, pool: pool)
        let b = Node(name: "B", url: url, pool: pool)
        a.start()
        b.start()
        #expect(await a.subscriber.waitUntilSubscribed())
        #expect(await b.subscriber.waitUntilSubscribed())

        await a.adapter.join(socketID: "a1", rooms: ["a1", "room"])
        await b.adapter.join(socketID: "b1", rooms: ["b1", "room"])
        await b.adapter.join(socketID: "b2", rooms: ["b2", "room", "muted"])
        await b.adapter.join(socketID: "b3", rooms: ["b3"])

        await a.adapter.broadcast(event("to room"), options: SocketIOBroadcastOptions(rooms: ["room"], except: ["muted"]))
        await b.adapter.broadcast(event("local on B"), options: SocketIOBroadcastOptions(rooms: ["room"], local: true))
        await b.adapter.broadcast(event("from B to all"), options: SocketIOBroadcastOptions())
        await eventually { a.received("a1").count >= 2 && b.received("b1").count >= 3 }
        try await Task.sleep(for: .milliseconds(300))

        let toRoom = #"42["to room",{"n":1}]"#
        let local = #"42["local on B",{"n":1}]"#
        let toAll = #"42["from B to all",{"n":1}]"#
        // Between servers the order of two senders' broadcasts is not fixed; each arrives once.
        #expect(a.received("a1").sorted() == [toRoom, toAll].sorted())
        #expect(b.received("b1").sorted() == [toRoom, local, toAll].sorted())
        #expect(b.received("b2") == [local, toAll])
        #expect(b.received("b3") == [toAll])
        // Only local sockets are known to each adapter.
        #expect(await a.adapter.socketIDs(options: SocketIOBroadcastOptions(rooms: ["room"])) == ["a1"])

        await a.shutdown()
        await b.shutdown()
        try await pool.shutdownGracefully()
    }

    @Test func relayedMessagesSurviveTheirWireForm() throws {
        let frames: [EngineFrame] = [.text("451-[\"file\",{\"_placeholder\":true,\"num\":0}]"), .binary(ByteBuffer(bytes: [0, 0xFF, 13, 10]))]
        let message = RedisAdapterMessage(
            node: "A", options: SocketIOBroadcastOptions(rooms: ["r1", "r2"], except: ["s9"]), recoverable: true, frames: frames)
        let back = try RedisAdapterMessage(decoding: try message.encoded())
        #expect(back == message)
        #expect(back.options == SocketIOBroadcastOptions(rooms: ["r1", "r2"], except: ["s9"], local: true))
        #expect(throws: (any Error).self) { _ = try RedisAdapterMessage(decoding: Array(try message.encoded().dropLast())) }
    }
}
