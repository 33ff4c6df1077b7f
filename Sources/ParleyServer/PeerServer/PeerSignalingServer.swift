import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import SocketIO
import Logging
import Synchronization

/// A PeerJS-compatible signaling server (`peer` 1.0.2, spec/realtime.md B3) at
/// `/peerjs/peerjs`: OPEN, ID-TAKEN, INVALID-KEY, HEARTBEAT, relay of OFFER, ANSWER, CANDIDATE
/// and LEAVE with the sender's id as `src`, and EXPIRE for what cannot be delivered.
///
/// Connections are accepted as PeerJS accepts them (the Angular client connects before it
/// joins a video room), but signaling is relayed only between two peer ids that authenticated
/// sockets registered in the same video room; anything else is answered with EXPIRE.
///
/// The client's PeerJS token is a random string, not a credential, so it cannot name a user.
/// What binds a connection to the id's owner is that the owner's socket registered the id
/// (`<userId>_…`, see `PeerIdentifier.owner`) while that connection held it: from then on the id
/// stays with that connection's token — a dropped connection keeps it reserved while the id
/// is registered, so someone who learnt the id in a room cannot take it over and hear (or
/// answer) what is meant for its owner. The owner's own reconnect, with the same token, gets it back.
public final class PeerSignalingServer: Sendable {
    public struct Settings: Sendable {
        public var key = "peerjs"
        /// Undelivered messages wait this long for their peer, then EXPIRE.
        public var expireTimeout: Duration = .seconds(5)
        /// A client silent (no HEARTBEAT) this long is dropped.
        public var aliveTimeout: Duration = .seconds(90)
        public var concurrentLimit = 5000
        /// Messages queued for one absent peer at most.
        public var maximumQueued = 100

        public init() {}
    }

    struct Client: Sendable {
        let connection: WebSocketConnection
        let token: String
        var lastSeen: ContinuousClock.Instant
    }

    struct Queued: Sendable {
        let source: String
        let text: String
        let since: ContinuousClock.Instant
    }

    static let path = "/peerjs/peerjs"
    static let relayedTypes: Set<String> = ["OFFER", "ANSWER", "CANDIDATE"]

    let settings: Settings
    let rooms: VideoRoomRegistry
    let logger: Logger
    /// Nil on a node running alone: relay stays between this server's own connections.
    let relay: (any PeerRelay)?
    /// With a relay, signaling goes through this one queue, so a peer's messages keep their order.
    let relayWork = AsyncStream<RelayWork>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
    private let clients = Mutex<[String: Client]>([:])
    /// Token of each registered id whose connection dropped: only that token may take it again.
    private let reserved = Mutex<[String: String]>([:])
    private let queues = Mutex<[String: [Queued]]>([:])

    init(settings: Settings = Settings(), rooms: VideoRoomRegistry, relay: (any PeerRelay)? = nil, logger: Logger) {
        self.settings = settings
        self.rooms = rooms
        self.relay = relay
        self.logger = logger
    }

    var clientCount: Int { clients.withLock { $0.count } }
    var localPeers: [(id: String, token: String)] { clients.withLock { $0.map { ($0.key, $0.value.token) } } }
    func isConnected(_ id: String) -> Bool { clients.withLock { $0[id] != nil } }
    func token(of id: String) -> String? { clients.withLock { $0[id]?.token } }

    /// Another client holds `id` on another node: this node's client with `token` loses it,
    /// as a second client on one node would have been refused.
    func refuseTaken(_ id: String, token: String) {
        let connection = clients.withLock { clients -> WebSocketConnection? in
            guard let client = clients[id], client.token == token else { return nil }
            clients[id] = nil
            return client.connection
        }
        guard let connection else { return }
        connection.write(.text(PeerMessage.encode(type: "ID-TAKEN", payload: ["msg": "ID is taken"])))
        connection.close(after: .milliseconds(200))
    }

    /// The WebSocket upgrade for `/peerjs/peerjs?key=&id=&token=`; other paths are not ours.
    public func upgradeDecision(for request: HTTPRequest) -> WebSocketUpgradeDecision {
        let uri = URI(request.path ?? "/")
        guard uri.path == Self.path else { return .dontUpgrade }
        let query = FormQuery(uri.query)
        let id = query["id"] ?? ""
        let token = query["token"] ?? ""
        let key = query["key"] ?? ""
        return .upgrade { connection in
            self.open(connection, id: id, token: token, key: key)
        }
    }

    private func open(_ connection: WebSocketConnection, id: String, token: String, key: String) -> any WebSocketConnectionDelegate {
        func refuse(_ type: String, _ message: String) -> any WebSocketConnectionDelegate {
            connection.write(.text(PeerMessage.encode(type: type, payload: ["msg": message])))
            // A moment for the client to read the refusal before the close frame follows it.
            connection.close(after: .milliseconds(200))
            return PeerConnection(server: self, id: nil)
        }
        guard !id.isEmpty, !token.isEmpty, !key.isEmpty else {
            return refuse("ERROR", "No id, token, or key supplied to websocket server")
        }
        guard key == settings.key else { return refuse("INVALID-KEY", "Invalid key provided") }
        switch admit(id: id, token: token, connection: connection) {
        case .taken: return refuse("ID-TAKEN", "ID is taken")
        case .full: return refuse("ERROR", "Server has reached its concurrent user limit")
        case .opened: connection.write(.text(PeerMessage.encode(type: "OPEN")))
        case .reattached: break
        }
        if relay != nil { relayWork.continuation.yield(.attached(id)) }
        deliverQueued(to: id)
        return PeerConnection(server: self, id: id)
    }

    /// The connection of peer `id` closed: it gives the id up, unless a reconnect took it over.
    func closed(_ connection: WebSocketConnection, id: String) {
        let token = clients.withLock { clients -> String? in
            guard let client = clients[id], client.connection === connection else { return nil }
            clients[id] = nil
            keepReserved(id, for: client.token)
            return client.token
        }
        if relay != nil, let token { relayWork.continuation.yield(.detached(id, token: token)) }
    }

    /// A connection gave up `id`: while its owner has it registered, it stays with `token`.
    private func keepReserved(_ id: String, for token: String) {
        if rooms.isRegistered(id) { reserved.withLock { $0[id] = token } }
    }

    private enum Admission { case opened, reattached, taken, full }

    private func admit(id: String, token: String, connection: WebSocketConnection) -> Admission {
        let (admission, replaced) = clients.withLock { clients -> (Admission, WebSocketConnection?) in
            if let existing = clients[id] {
                guard existing.token == token else { return (.taken, nil) }
                // The same client reconnecting: it takes the id over, and hears no second OPEN.
                clients[id] = Client(connection: connection, token: token, lastSeen: .now)
                return (.reattached, existing.connection)
            }
            guard isFree(id, for: token) else { return (.taken, nil) }
            guard clients.count < settings.concurrentLimit else { return (.full, nil) }
            clients[id] = Client(connection: connection, token: token, lastSeen: .now)
            return (.opened, nil)
        }
        replaced?.close()
        return admission
    }

    /// Whether `token` may open `id`: yes unless the id's owner registered it from another
    /// token's connection that has since dropped. Called with `clients` locked.
    private func isFree(_ id: String, for token: String) -> Bool {
        reserved.withLock { reserved in
            guard let holder = reserved[id] else { return true }
            if holder == token || !rooms.isRegistered(id) {
                reserved[id] = nil
                return true
            }
            return false
        }
    }

    /// Handles one client message; false when the client asked to leave.
    func handle(_ text: String, from source: String) -> Bool {
        clients.withLock { $0[source]?.lastSeen = .now }
        guard let message = PeerMessage(text: text) else { return true }  // invalid JSON is ignored, as PeerJS does
        switch message.type {
        case "HEARTBEAT":
            // Keeps this node's claim on the peer alive in the cluster.
            if relay != nil { relayWork.continuation.yield(.attached(source)) }
            return true
        case "LEAVE":
            guard let destination = message.destination else { return false }
            if relay != nil {
                relayWork.continuation.yield(.signal(text: text, source: source))
                return true
            }
            if rooms.shareRoom(source, destination) { send(message.relayed(from: source), to: destination, queueing: false) }
            return true
        case let type where Self.relayedTypes.contains(type):
            guard let destination = message.destination else { return true }
            if relay != nil {
                relayWork.continuation.yield(.signal(text: text, source: source))
                return true
            }
            guard rooms.shareRoom(source, destination) else {
                // Not two peers of one video room: nothing is relayed, and the sender learns
                // the peer is unavailable.
                send(PeerMessage.encode(type: "EXPIRE", source: destination, destination: source), to: source, queueing: false)
                return true
            }
            send(message.relayed(from: source), to: destination, queueing: true, from: source)
            return true
        default:
            return true
        }
    }

    func send(_ text: String, to destination: String, queueing: Bool, from source: String = "") {
        let connection = clients.withLock { $0[destination]?.connection }
        if let connection {
            deliver(text, to: connection)
        } else if queueing {
            queues.withLock { queues in
                guard queues[destination, default: []].count < settings.maximumQueued else { return }
                queues[destination, default: []].append(Queued(source: source, text: text, since: .now))
            }
        }
    }

    private func deliverQueued(to id: String) {
        let waiting = queues.withLock { $0.removeValue(forKey: id) } ?? []
        guard let connection = clients.withLock({ $0[id]?.connection }) else { return }
        for message in waiting { deliver(message.text, to: connection) }
    }

    /// A peer whose socket stays full is too slow for signaling: it is disconnected rather
    /// than buffered for without limit.
    private func deliver(_ text: String, to connection: WebSocketConnection) {
        guard connection.isWritable else {
            connection.close(code: .policyViolation)
            return
        }
        connection.write(.text(text))
    }

    /// Expires messages that waited too long (one EXPIRE per sender and peer) and drops clients
    /// that stopped sending heartbeats. Run periodically.
    func sweep(now: ContinuousClock.Instant = .now) {
        let expired: [(destination: String, source: String)] = queues.withLock { queues in
            var expired: Set<[String]> = []
            for (destination, waiting) in queues {
                let (old, fresh) = (waiting.filter { now - $0.since >= settings.expireTimeout }, waiting.filter { now - $0.since < settings.expireTimeout })
                for message in old { expired.insert([destination, message.source]) }
                queues[destination] = fresh.isEmpty ? nil : fresh
            }
            return expired.map { ($0[0], $0[1]) }
        }
        for (destination, source) in expired {
            send(PeerMessage.encode(type: "EXPIRE", source: destination, destination: source), to: source, queueing: false)
        }
        let silent = clients.withLock { clients in
            let gone = clients.filter { now - $0.value.lastSeen >= settings.aliveTimeout }
            for (id, client) in gone {
                clients[id] = nil
                keepReserved(id, for: client.token)
            }
            return gone
        }
        for (id, client) in silent {
            client.connection.close()
            if relay != nil { relayWork.continuation.yield(.detached(id, token: client.token)) }
        }
        reserved.withLock { reserved in reserved = reserved.filter { rooms.isRegistered($0.key) } }
    }
}
