/// A broadcast being built: `namespace.to("room").except(socketID).emit("event", …)`.
public struct SocketIOBroadcast: Sendable {
    let namespace: SocketIONamespace
    public private(set) var options: SocketIOBroadcastOptions

    init(namespace: SocketIONamespace, options: SocketIOBroadcastOptions = .init()) {
        self.namespace = namespace
        self.options = options
    }

    public func to(_ room: String) -> SocketIOBroadcast {
        var copy = self
        copy.options.rooms.insert(room)
        return copy
    }

    public func except(_ roomOrSocketID: String) -> SocketIOBroadcast {
        var copy = self
        copy.options.except.insert(roomOrSocketID)
        return copy
    }

    /// Only to this process's sockets, for deliveries every server makes on its own (each
    /// receives the same domain event), which relayed would arrive once per server.
    public var local: SocketIOBroadcast {
        var copy = self
        copy.options.local = true
        return copy
    }

    /// Encodes the event once and hands the same frames to every receiver (with recovery on,
    /// numbered by the adapter).
    public func emit(_ event: String, _ args: SocketIOValue...) async {
        await emit(event, arguments: args)
    }

    public func emit(_ event: String, arguments: [SocketIOValue]) async {
        let packet = SocketIOPacket(
            type: .event, namespace: namespace.name, data: .array([.string(event)] + arguments)
        )
        namespace.metrics.eventEmitted(event)
        await namespace.adapter.broadcast(packet, options: options)
    }

    /// Ids of the sockets this broadcast would reach.
    public func socketIDs() async -> Set<String> {
        await namespace.adapter.socketIDs(options: options)
    }
}
