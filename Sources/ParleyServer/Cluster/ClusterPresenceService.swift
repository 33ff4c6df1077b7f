import Logging
import ServiceLifecycle

/// Keeps this node's heartbeat in Redis and clears away dead nodes. A node killed without
/// warning has its users offline everywhere within `heartbeatTTL + interval` (10 s + 3 s by
/// default): its heartbeat expires, and the first live node to take the reaper lock announces
/// its users offline (once, through the rooms every node serves).
struct ClusterPresenceService: Service {
    let directory: RedisPresenceDirectory
    let videoRooms: RedisVideoRooms
    let gateway: ChatGateway
    let interval: Duration

    init(directory: RedisPresenceDirectory, videoRooms: RedisVideoRooms, gateway: ChatGateway, interval: Duration = .seconds(3)) {
        self.directory = directory
        self.videoRooms = videoRooms
        self.gateway = gateway
        self.interval = interval
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            // A restart under the same NODE_ID: what the previous run left is cleared first.
            var cleanedOwn = false
            while !Task.isCancelled {
                do {
                    let reaped = try await directory.reapDeadNodes(includingSelf: !cleanedOwn)
                    cleanedOwn = true
                    try await directory.heartbeat()
                    for user in reaped.users { await gateway.announceOffline(user) }
                    for node in reaped.nodes {
                        await gateway.announcePeersLeft(try await videoRooms.reap(node: node))
                    }
                } catch {
                    // The outage itself is logged once by the Redis client.
                    directory.logger.debug("cluster heartbeat failed", metadata: ["error": .string("\(error)")])
                }
                try? await Task.sleep(for: interval)
            }
        }
        await directory.leave()
    }
}
