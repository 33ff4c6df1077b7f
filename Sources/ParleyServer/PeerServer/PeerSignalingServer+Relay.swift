/// Signaling between peers connected to different nodes of a cluster: the same two rules as
/// on one node (both ids in one video room, `src` is the sender's registered id), with the
/// room read cluster-wide and the message handed to the destination's node.
extension PeerSignalingServer {
    enum RelayWork: Sendable {
        case attached(String)
        case detached(String, token: String)
        /// A LEAVE, OFFER, ANSWER or CANDIDATE with a destination, from a peer connected here.
        case signal(text: String, source: String)
        /// A message another node forwarded to a peer connected here.
        case remote(RelayedPeerMessage)
    }

    /// Runs the cluster relay until cancelled; returns at once on a node running alone.
    func runRelay() async {
        guard let relay else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await relay.run(deliver: { self.relayWork.continuation.yield(.remote($0)) }, localPeers: { self.localPeers })
            }
            group.addTask {
                for await work in self.relayWork.stream { await self.perform(work, relay: relay) }
            }
        }
    }

    private func perform(_ work: RelayWork, relay: any PeerRelay) async {
        switch work {
        case .attached(let id):
            guard let token = token(of: id) else { return }
            if !(await relay.attached(id, token: token)) { refuseTaken(id, token: token) }
        case .detached(let id, let token):
            // Unless the same client reconnected here meanwhile.
            if !isConnected(id) { await relay.detached(id, token: token) }
        case .signal(let text, let source):
            guard let message = PeerMessage(text: text), let destination = message.destination else { return }
            let expires = message.type != "LEAVE"
            var shared = rooms.shareRoom(source, destination)
            if !shared { shared = await relay.shareRoom(source, destination) }
            guard shared else {
                // Not two peers of one video room: nothing is relayed, and the sender learns
                // the peer is unavailable.
                if expires { send(PeerMessage.encode(type: "EXPIRE", source: destination, destination: source), to: source, queueing: false) }
                return
            }
            await route(
                RelayedPeerMessage(source: source, destination: destination, text: message.relayed(from: source), expires: expires),
                relay: relay)
        case .remote(let message):
            if isConnected(message.destination) {
                send(message.text, to: message.destination, queueing: false)
            } else if message.expires {
                // The peer left that node meanwhile: the sender hears EXPIRE, as for a peer that never came.
                let expire = PeerMessage.encode(type: "EXPIRE", source: message.destination, destination: message.source)
                await route(RelayedPeerMessage(source: message.destination, destination: message.source, text: expire, expires: false), relay: relay)
            }
        }
    }

    /// Delivers here when the peer is connected here, else to its node; a peer connected
    /// nowhere gets the message queued here (it may yet connect), to EXPIRE as on one node.
    private func route(_ message: RelayedPeerMessage, relay: any PeerRelay) async {
        if !isConnected(message.destination), await relay.forward(message) { return }
        send(message.text, to: message.destination, queueing: message.expires, from: message.source)
    }
}
