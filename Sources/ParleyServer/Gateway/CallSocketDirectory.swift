import ParleyCore

/// The socket that placed each live call and the one that answered it, wherever they are
/// connected, so that offers, answers and ICE candidates reach exactly those two sockets.
/// Alone this is the node's `CallRouter` (`LocalCallSockets`); in a cluster the binding is
/// also written to Redis (`RedisCallSockets`) because the two parties may sit on two nodes.
protocol CallSocketDirectory: Sendable {
    func bind(callId: ObjectId, socketID: String, asCaller: Bool) async
    /// The sockets bound to the call so far; nil where none is known yet.
    func sockets(of callId: ObjectId) async -> (caller: String?, receiver: String?)
}

/// A node alone: the router already holds every binding.
struct LocalCallSockets: CallSocketDirectory {
    let router: CallRouter

    func bind(callId: ObjectId, socketID: String, asCaller: Bool) async {
        router.bind(callId: callId, socketID: socketID, asCaller: asCaller)
    }

    func sockets(of callId: ObjectId) async -> (caller: String?, receiver: String?) {
        let route = router.route(callId)
        return (route?.callerSocket, route?.receiverSocket)
    }
}
