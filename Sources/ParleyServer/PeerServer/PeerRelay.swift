/// How PeerJS signaling reaches peers connected to other nodes of a cluster. Without one
/// (a node running alone) the server relays only between its own connections, as before.
protocol PeerRelay: Sendable {
    /// Whether the two peer ids share a video room on any node.
    func shareRoom(_ first: String, _ second: String) async -> Bool
    /// Peer `id` is connected to this node with `token` (again: also on each of its
    /// heartbeats); false when another client holds the id on another node.
    func attached(_ id: String, token: String) async -> Bool
    /// Peer `id`'s client with `token` left this node.
    func detached(_ id: String, token: String) async
    /// Hands `message` to the node its destination is connected to; false when no other
    /// node holds that peer.
    func forward(_ message: RelayedPeerMessage) async -> Bool
    /// Until cancelled: passes what other nodes forward here to `deliver`, and after a lost
    /// subscription announces the peers `localPeers` lists again.
    func run(deliver: @escaping @Sendable (RelayedPeerMessage) -> Void, localPeers: @escaping @Sendable () -> [(id: String, token: String)]) async
}
