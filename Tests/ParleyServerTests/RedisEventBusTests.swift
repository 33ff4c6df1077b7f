import Foundation
import Logging
import NIOPosix
import ParleyCore
import RedisClient
import RedisTestSupport
import Testing
@testable import ParleyServer

/// Two nodes' event buses on one real redis-server: every event reaches every node's
/// subscribers once (a node's own echo is dropped), and a node keeps delivering its own events
/// while Redis is down.
@Suite(.enabled(if: RedisServerProcess.binary != nil, "redis-server is not installed (apt-get install redis-server)"))
struct RedisEventBusTests {
    struct Node {
        let bus: RedisEventBus
        let subscriber: RedisSubscriber
        let publisher: RedisPublisher

        init(_ name: String, url: RedisURL, pool: NIOThreadPool) {
            let logger = Logger(label: "bus-\(name)")
            subscriber = RedisSubscriber(url: url, logger: logger)
            publisher = RedisPublisher(client: RedisClient(url: url, threadPool: pool, logger: logger, connectTimeout: .seconds(1)))
            bus = RedisEventBus(nodeID: name, publisher: publisher, subscriber: subscriber, logger: logger)
        }

        func shutdown() async {
            subscriber.shutdown()
            await publisher.shutdown()
        }
    }

    /// Events a stream yields within `window` (collected in a task, then cancelled).
    func collect(_ stream: AsyncStream<DomainEvent>, for window: Duration) async -> [DomainEvent] {
        let task = Task {
            var events: [DomainEvent] = []
            for await event in stream { events.append(event) }
            return events
        }
        try? await Task.sleep(for: window)
        task.cancel()
        return await task.value
    }

    @Test func eventsReachEveryNodeOnceAndOwnEventsSurviveAnOutage() async throws {
        let server = try RedisServerProcess()
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let url = RedisURL(host: "127.0.0.1", port: server.port)
        let a = Node("A", url: url, pool: pool)
        let b = Node("B", url: url, pool: pool)
        #expect(await a.subscriber.waitUntilSubscribed())
        #expect(await b.subscriber.waitUntilSubscribed())
        let onA = a.bus.subscribe()
        let onB = b.bus.subscribe()

        let joined = DomainEvent.memberJoined(groupId: ObjectId(), userId: ObjectId())
        let changed = DomainEvent.accountChanged(userId: ObjectId())
        a.bus.publish(joined)
        b.bus.publish(changed)
        async let seenOnA = collect(onA, for: .milliseconds(700))
        async let seenOnB = collect(onB, for: .milliseconds(700))
        let (eventsA, eventsB) = await (seenOnA, seenOnB)
        #expect(eventsA.count == 2 && Set(eventsA.map(\.description)) == [joined.description, changed.description])
        #expect(eventsB.count == 2 && Set(eventsB.map(\.description)) == [joined.description, changed.description])

        server.stop()
        let duringOutageA = a.bus.subscribe()
        let duringOutageB = b.bus.subscribe()
        let alone = DomainEvent.channelsChanged(groupId: ObjectId())
        a.bus.publish(alone)
        async let outageA = collect(duringOutageA, for: .milliseconds(500))
        async let outageB = collect(duringOutageB, for: .milliseconds(500))
        let (gotA, gotB) = await (outageA, outageB)
        #expect(gotA == [alone])
        #expect(gotB.isEmpty)

        await a.shutdown()
        await b.shutdown()
        try await pool.shutdownGracefully()
    }
}

extension DomainEvent {
    /// For comparing events as sets in the test (the enum is not Hashable).
    fileprivate var description: String { String(describing: self) }
}
