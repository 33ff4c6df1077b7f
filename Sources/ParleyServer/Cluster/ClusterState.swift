import Logging
import RedisClient
import ServiceLifecycle

/// Where the realtime state lives, chosen once at start-up: in this process when the node
/// runs alone (no `REDIS_URL`, exactly as before clusters), in Redis when it is one node of a
/// cluster. Per-socket event limits stay in the process either way.
struct ClusterState: Sendable {
    let gateway: GatewaySharedState
    /// Nil: the in-memory throttle `AppServices` makes.
    let loginThrottle: (any LoginThrottling)?
    let presence: RedisPresenceDirectory?
    let redis: RedisClient?
    let nodeID: String

    static func make(redis: RedisClient?, nodeID: String, configuration: AppConfiguration, logger: Logger) -> ClusterState {
        guard let redis else { return ClusterState(gateway: .solo(), loginThrottle: nil, presence: nil, redis: nil, nodeID: nodeID) }
        let keys = ClusterKeys()
        let registry = PresenceRegistry()
        let routes = CallRouter()
        let directory = RedisPresenceDirectory(redis: redis, node: nodeID, local: registry, keys: keys, logger: logger)
        let limits = configuration.loginThrottle
        return ClusterState(
            gateway: GatewaySharedState(
                presence: registry, directory: directory, callRoutes: routes, callSockets: RedisCallSockets(redis: redis, router: routes, keys: keys),
                videoRooms: { RedisVideoRooms(registry: $0, redis: redis, node: nodeID, keys: keys) }),
            loginThrottle: RedisLoginThrottle(redis: redis, limits: limits, fallback: LoginThrottle(limits: limits), keys: keys, logger: logger),
            presence: directory, redis: redis, nodeID: nodeID)
    }

    /// The event bus subscribed again after an outage: this node's presence is written again
    /// at the next heartbeat (Redis may have restarted empty, or missed a disconnect).
    func resubscribed() async {
        presence?.markStale()
    }

    /// The background work a cluster node adds: its heartbeat and the clearing of dead nodes.
    func services(gateway: ChatGateway) -> [any Service] {
        guard let presence, let redis else { return [] }
        let videoRooms = RedisVideoRooms(registry: gateway.videoRooms, redis: redis, node: nodeID, keys: presence.keys)
        return [ClusterPresenceService(directory: presence, videoRooms: videoRooms, gateway: gateway)]
    }
}
