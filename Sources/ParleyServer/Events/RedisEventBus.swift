import Foundation
import Logging
import RedisClient

/// Domain events shared by every node of a cluster through a Redis channel.
///
/// A node's own events are handed to its subscribers at once (and still published when Redis
/// is down, so a node keeps serving its own sockets); events from other nodes arrive through
/// the subscription. Each event carries its node's id, so a node drops its own echo and
/// delivers every event exactly once.
public final class RedisEventBus: EventBus {
    private let local: InProcessEventBus
    private let publisher: RedisPublisher
    private let nodeID: String
    private let channel: String
    private let listener: Task<Void, Never>
    private let resubscribed = ResubscribeHook()
    private let arrivals = RemoteEventObserver()

    public init(
        nodeID: String, publisher: RedisPublisher, subscriber: RedisSubscriber, logger: Logger, channel: String = "parley:events",
        bufferSize: Int = 10_000
    ) {
        let local = InProcessEventBus(bufferSize: bufferSize)
        self.local = local
        self.publisher = publisher
        self.nodeID = nodeID
        self.channel = channel
        let messages = subscriber.messages(channels: [channel])
        let resubscribed = self.resubscribed
        let arrivals = self.arrivals
        self.listener = Task {
            let decoder = JSONDecoder()
            for await message in messages {
                switch message {
                case .message(_, let payload):
                    do {
                        let envelope = try decoder.decode(RedisEventEnvelope.self, from: Data(payload))
                        if envelope.node != nodeID {
                            arrivals.arrived(envelope.event)
                            local.publish(envelope.event)
                        }
                    } catch {
                        logger.warning("dropped an unreadable event from Redis", metadata: ["error": .string("\(error)")])
                    }
                case .reconnected:
                    logger.notice("event bus resubscribed: resynchronising after events other nodes published meanwhile")
                    arrivals.lost()
                    await resubscribed.run()
                }
            }
        }
    }

    deinit {
        listener.cancel()
    }

    /// Runs `action` each time the subscription is made again after a loss (events published
    /// meanwhile by other nodes were missed, so whatever they would have changed is reloaded).
    public func whenResubscribed(_ action: @escaping @Sendable () async -> Void) {
        resubscribed.set(action)
    }

    /// Runs `arrived` for each event from another node before any subscriber hears of it, and
    /// `lost` when the subscription is made again after a loss; both synchronously, in order,
    /// never dropped (subscribers' streams may drop events when behind).
    func observeRemoteEvents(arrived: @escaping @Sendable (DomainEvent) -> Void, lost: @escaping @Sendable () -> Void) {
        arrivals.set(arrived: arrived, lost: lost)
    }

    public func publish(_ event: DomainEvent) {
        local.publish(event)
        guard let payload = try? JSONEncoder().encode(RedisEventEnvelope(node: nodeID, event: event)) else { return }
        publisher.publish(channel: channel, payload: Array(payload))
    }

    public func subscribe() -> AsyncStream<DomainEvent> {
        local.subscribe()
    }
}
