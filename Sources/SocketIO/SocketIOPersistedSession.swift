/// What is kept of a socket that lost its transport, for connection state recovery: its id,
/// its private session id (`pid`, known only to its client), its rooms and its data.
public struct SocketIOPersistedSession: Sendable {
    public var sid: String
    public var pid: String
    public var rooms: Set<String>
    public var data: [String: any Sendable]

    public init(sid: String, pid: String, rooms: Set<String>, data: [String: any Sendable]) {
        self.sid = sid
        self.pid = pid
        self.rooms = rooms
        self.data = data
    }
}
