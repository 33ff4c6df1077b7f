import Logging
import NIOPosix
import RedisClient
import SocketIO

/// This node's connection to the other nodes of a cluster (`REDIS_URL`): a command client for
/// publishing and health checks, an ordered publisher, and subscriptions for the event bus and
/// the Socket.IO adapter.
struct ClusterLink: Sendable {
    let nodeID: String
    let client: RedisClient
    let publisher: RedisPublisher
    let subscriber: RedisSubscriber
    let logger: Logger

    init(url: RedisURL, nodeID: String, threadPool: NIOThreadPool, logger: Logger) {
        var logger = logger
        logger[metadataKey: "node"] = .string(nodeID)
        self.nodeID = nodeID
        // One outage log for every connection: an outage is logged once, not once per connection.
        let outage = RedisOutageLog(url: url, logger: logger)
        self.client = RedisClient(url: url, threadPool: threadPool, logger: logger, outage: outage)
        self.publisher = RedisPublisher(client: client)
        self.subscriber = RedisSubscriber(url: url, logger: logger, outage: outage)
        self.logger = logger
    }

    func eventBus() -> RedisEventBus {
        RedisEventBus(nodeID: nodeID, publisher: publisher, subscriber: subscriber, logger: logger)
    }

    func adapter(namespace: String) -> RedisAdapter {
        RedisAdapter(namespace: namespace, nodeID: nodeID, publisher: publisher, subscriber: subscriber, logger: logger)
    }

    /// Whether Redis answers a PING now and every subscription is live.
    func isUp() async -> Bool {
        guard (try? await client.send(["PING"])) != nil else { return false }
        return subscriber.isConnected
    }

    func shutdown() async {
        subscriber.shutdown()
        await publisher.shutdown()
        client.shutdown()
    }
}
