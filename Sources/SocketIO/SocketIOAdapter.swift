/// Who receives a broadcast: sockets in any of `rooms` (every socket when empty), minus
/// sockets in any of `except` (a socket id is also a room, so a socket can be excluded).
/// `local` keeps the broadcast to this process's sockets (socket.io's `.local`): a shared
/// adapter does not relay it to the other servers.
public struct SocketIOBroadcastOptions: Sendable, Equatable {
    public var rooms: Set<String>
    public var except: Set<String>
    public var local: Bool

    public init(rooms: Set<String> = [], except: Set<String> = [], local: Bool = false) {
        self.rooms = rooms
        self.except = except
        self.local = local
    }
}

/// Room membership, broadcast delivery and connection state recovery of one namespace.
///
/// The in-process `InMemoryAdapter` is the default; a shared adapter (Redis, …) can relay
/// broadcasts between server processes and call `deliver` for its local sockets.
public protocol SocketIOAdapter: AnyObject, Sendable {
    /// Called once by the namespace: the server's recovery settings (nil: off) and how to hand
    /// encoded frames to a local socket.
    func start(
        recovery: SocketIORecoveryConfiguration?, deliver: @escaping @Sendable (_ socketID: String, _ frames: [EngineFrame]) -> Void)
    func join(socketID: String, rooms: Set<String>) async
    func leave(socketID: String, room: String) async
    func leaveAll(socketID: String) async
    func rooms(of socketID: String) async -> Set<String>
    func socketIDs(options: SocketIOBroadcastOptions) async -> Set<String>
    /// Encodes the packet once and delivers the same bytes to every receiver. With recovery
    /// on, an event without acknowledgement first gets its offset as last argument and is
    /// kept so that a reconnecting socket can be sent what it missed.
    func broadcast(_ packet: SocketIOPacket, options: SocketIOBroadcastOptions) async

    // Connection state recovery (an adapter without it never recovers a session).

    /// Keeps a socket that lost its transport (with its rooms as they were when it did), once
    /// it has left them. Broadcasts since were numbered, so they can still be computed.
    func persistSession(_ session: SocketIOPersistedSession) async
    /// The kept session a reconnecting client claims, if it can still be recovered.
    func recoverableSession(pid: String, offset: String) async -> SocketIOPersistedSession?
    /// Takes the session out, puts `socketID` (its old id) in `rooms`, and returns in order the
    /// encoded packets it missed that reach those rooms; nil when it cannot be recovered.
    func restoreSession(pid: String, offset: String, socketID: String, rooms: Set<String>) async -> [[EngineFrame]]?
}

extension SocketIOAdapter {
    public func persistSession(_ session: SocketIOPersistedSession) async {}

    public func recoverableSession(pid: String, offset: String) async -> SocketIOPersistedSession? { nil }

    public func restoreSession(pid: String, offset: String, socketID: String, rooms: Set<String>) async -> [[EngineFrame]]? { nil }
}
