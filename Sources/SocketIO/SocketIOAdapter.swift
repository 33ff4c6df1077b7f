/// Who receives a broadcast: sockets in any of `rooms` (every socket when empty), minus
/// sockets in any of `except` (a socket id is also a room, so a socket can be excluded).
public struct SocketIOBroadcastOptions: Sendable, Equatable {
    public var rooms: Set<String>
    public var except: Set<String>

    public init(rooms: Set<String> = [], except: Set<String> = []) {
        self.rooms = rooms
        self.except = except
    }
}

/// Room membership and broadcast delivery of one namespace.
///
/// The in-process `InMemoryAdapter` is the default; a shared adapter (Redis, …) can relay
/// broadcasts between server processes and call `deliver` for its local sockets.
public protocol SocketIOAdapter: AnyObject, Sendable {
    /// Called once by the namespace: how to hand encoded frames to a local socket.
    func start(deliver: @escaping @Sendable (_ socketID: String, _ frames: [EngineFrame]) -> Void)
    func join(socketID: String, rooms: Set<String>) async
    func leave(socketID: String, room: String) async
    func leaveAll(socketID: String) async
    func rooms(of socketID: String) async -> Set<String>
    func socketIDs(options: SocketIOBroadcastOptions) async -> Set<String>
    /// Delivers already-encoded frames (the same bytes for every receiver).
    func broadcast(_ frames: [EngineFrame], options: SocketIOBroadcastOptions) async
}
