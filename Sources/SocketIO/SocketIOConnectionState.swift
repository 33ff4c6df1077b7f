/// The Socket.IO state of one Engine.IO session.
///
/// `awaitingConnect` → (a namespace accepted) `connected` → `closed`. Before the first
/// CONNECT, any other packet closes the session; binary reassembly is a sub-state kept by
/// `SocketIOBinaryReassembler`.
struct SocketIOConnectionState {
    enum Phase: Equatable { case awaitingConnect, connected, closed }

    private(set) var phase: Phase = .awaitingConnect
    var reassembler = SocketIOBinaryReassembler()
    /// Connected sockets, at most one per namespace. A list, not a dictionary by name: a
    /// connection joins one namespace or a few, and it keeps this for as long as it is open.
    private(set) var sockets: [SocketIOSocket] = []

    enum Route {
        /// Run the CONNECT flow for this namespace.
        case connect
        /// Hand the packet to the namespace's socket.
        case socket(SocketIOSocket)
        /// Nothing to do (for example a late packet for a namespace that was left).
        case ignore
        /// Protocol violation: close the session.
        case close
    }

    func route(_ packet: SocketIOPacket) -> Route {
        switch phase {
        case .closed:
            return .ignore
        case .awaitingConnect:
            return packet.type == .connect ? .connect : .close
        case .connected:
            switch packet.type {
            case .connect:
                return socket(in: packet.namespace) == nil ? .connect : .ignore
            case .connectError:
                return .close
            default:
                return socket(in: packet.namespace).map { .socket($0) } ?? .ignore
            }
        }
    }

    private func socket(in namespace: String) -> SocketIOSocket? {
        sockets.first { $0.namespace.name == namespace }
    }

    mutating func added(_ socket: SocketIOSocket) -> Bool {
        guard phase != .closed else { return false }
        phase = .connected
        sockets.removeAll { $0.namespace.name == socket.namespace.name }
        sockets.append(socket)
        return true
    }

    mutating func removed(namespace: String, id: String) {
        sockets.removeAll { $0.namespace.name == namespace && $0.id == id }
    }

    var hasSockets: Bool { !sockets.isEmpty }

    /// Closes; returns the sockets that must be told.
    mutating func close() -> [SocketIOSocket] {
        phase = .closed
        defer { sockets.removeAll() }
        return sockets
    }
}
