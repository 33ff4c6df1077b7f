/// A cluster node is ready only while Redis answers: without it, its sockets would miss what
/// the other nodes publish, so an orchestrator should send new clients elsewhere.
struct RedisReadinessCheck: ReadinessCheck {
    let cluster: ClusterLink
    var name: String { "redis" }

    func check() async throws {
        guard await cluster.isUp() else { throw RedisNotReady() }
    }
}

/// Redis did not answer a PING, or a subscription is down.
struct RedisNotReady: Error, CustomStringConvertible {
    var description: String { "Redis does not answer or a subscription is down" }
}
