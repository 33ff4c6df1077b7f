import ParleyCore
import RedisClient

/// Call bindings written to Redis as well as to this node's router (which keeps the calls of
/// its own sockets, to hang them up when a socket leaves), so a node can find the socket that
/// answered on another node. A binding expires on its own: no call rings or lasts that long.
struct RedisCallSockets: CallSocketDirectory {
    let redis: RedisClient
    let router: CallRouter
    let keys: ClusterKeys
    static let lifetimeSeconds = 12 * 3600

    func bind(callId: ObjectId, socketID: String, asCaller: Bool) async {
        router.bind(callId: callId, socketID: socketID, asCaller: asCaller)
        _ = try? await redis.send(["HSET", keys.call(callId), asCaller ? "caller" : "receiver", socketID])
        _ = try? await redis.send(["EXPIRE", keys.call(callId), String(Self.lifetimeSeconds)])
    }

    func sockets(of callId: ObjectId) async -> (caller: String?, receiver: String?) {
        let route = router.route(callId)
        guard let reply = try? await redis.send(["HMGET", keys.call(callId), "caller", "receiver"]), let values = reply.array, values.count == 2
        else { return (route?.callerSocket, route?.receiverSocket) }
        return (values[0].string ?? route?.callerSocket, values[1].string ?? route?.receiverSocket)
    }
}
