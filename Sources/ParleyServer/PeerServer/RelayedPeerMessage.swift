/// A PeerJS message on its way to a peer on another node: the text as the peer will read it,
/// and whether an undeliverable one must be answered with EXPIRE (OFFER, ANSWER, CANDIDATE).
struct RelayedPeerMessage: Codable, Sendable {
    var source: String
    var destination: String
    var text: String
    var expires: Bool
}
