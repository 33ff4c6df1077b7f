/// Answers a client's event that asked for an acknowledgement (sent once; later calls are
/// ignored).
public struct SocketIOAck: Sendable {
    let socket: SocketIOSocket
    let id: Int
    private let sent = Locked(false)

    init(socket: SocketIOSocket, id: Int) {
        self.socket = socket
        self.id = id
    }

    public func callAsFunction(_ args: SocketIOValue...) {
        send(args)
    }

    public func send(_ args: [SocketIOValue]) {
        let first = sent.withLock { sent -> Bool in
            defer { sent = true }
            return !sent
        }
        guard first else { return }
        socket.send(packet: SocketIOPacket(type: .ack, namespace: socket.namespace.name, ackID: id, data: .array(args)))
    }
}
