/// The realtime state a gateway may share with other nodes, chosen by `ApplicationBuilder`:
/// in memory when the node runs alone, in Redis when it is one node of a cluster. The local
/// registries exist either way (they hold this node's own sockets).
struct GatewaySharedState: Sendable {
    let presence: PresenceRegistry
    let directory: any PresenceDirectory
    let callRoutes: CallRouter
    let callSockets: any CallSocketDirectory
    /// The shared view over this node's video room registry.
    let videoRooms: @Sendable (VideoRoomRegistry) -> any VideoRoomDirectory

    /// Everything in this process, as before clusters existed.
    static func solo() -> GatewaySharedState {
        let presence = PresenceRegistry()
        let routes = CallRouter()
        return GatewaySharedState(
            presence: presence, directory: LocalPresenceDirectory(registry: presence), callRoutes: routes,
            callSockets: LocalCallSockets(router: routes), videoRooms: { LocalVideoRooms(registry: $0) })
    }
}
