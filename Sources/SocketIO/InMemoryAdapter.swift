/// Rooms kept in this process (and, with recovery on, the log and the disconnected sessions:
/// `InMemoryAdapter+Recovery.swift`).
public final class InMemoryAdapter: SocketIOAdapter {
    struct Tables {
        var rooms: [String: Set<String>] = [:]
        var socketRooms: [String: Set<String>] = [:]
        var deliver: (@Sendable (String, [EngineFrame]) -> Void)?
        var recovery: SocketIORecoveryLog?
    }

    let tables = Locked(Tables())

    public init() {}

    public func start(
        recovery: SocketIORecoveryConfiguration?, deliver: @escaping @Sendable (String, [EngineFrame]) -> Void
    ) {
        tables.withLock { tables in
            tables.deliver = deliver
            tables.recovery = recovery.map(SocketIORecoveryLog.init(limits:))
        }
    }

    public func join(socketID: String, rooms: Set<String>) async {
        tables.withLock { Self.join(socketID, rooms, in: &$0) }
    }

    public func leave(socketID: String, room: String) async {
        tables.withLock { tables in
            tables.rooms[room]?.remove(socketID)
            if tables.rooms[room]?.isEmpty == true { tables.rooms[room] = nil }
            tables.socketRooms[socketID]?.remove(room)
        }
    }

    public func leaveAll(socketID: String) async {
        tables.withLock { tables in
            for room in tables.socketRooms[socketID] ?? [] {
                tables.rooms[room]?.remove(socketID)
                if tables.rooms[room]?.isEmpty == true { tables.rooms[room] = nil }
            }
            tables.socketRooms[socketID] = nil
        }
    }

    public func rooms(of socketID: String) async -> Set<String> {
        tables.withLock { $0.socketRooms[socketID] ?? [] }
    }

    public func socketIDs(options: SocketIOBroadcastOptions) async -> Set<String> {
        tables.withLock { Self.select(options, in: $0) }
    }

    public func broadcast(_ packet: SocketIOPacket, options: SocketIOBroadcastOptions) async {
        deliver(SocketIOPacketEncoder.encode(packet), recoverable: SocketIOLoggedPacket.isRecoverable(packet), options: options)
    }

    /// Delivers frames already encoded (here or by another server) to the local sockets the
    /// options select, numbered and kept for recovery when `recoverable` and recovery is on.
    public func deliver(_ frames: [EngineFrame], recoverable: Bool, options: SocketIOBroadcastOptions) {
        // Each frame is framed for WebSocket once here, not by every socket it reaches.
        let frames = frames.map { $0.withWebSocketHeader() }
        if recoverable, tables.withLock({ $0.recovery != nil }) {
            broadcastNumbered(frames, options: options)
            return
        }
        let (targets, deliver) = tables.withLock { (Self.select(options, in: $0), $0.deliver) }
        guard let deliver else { return }
        for socketID in targets {
            deliver(socketID, frames)
        }
    }

    static func join(_ socketID: String, _ rooms: Set<String>, in tables: inout Tables) {
        for room in rooms {
            tables.rooms[room, default: []].insert(socketID)
        }
        tables.socketRooms[socketID, default: []].formUnion(rooms)
    }

    static func select(_ options: SocketIOBroadcastOptions, in tables: Tables) -> Set<String> {
        var targets: Set<String>
        if options.rooms.isEmpty {
            targets = Set(tables.socketRooms.keys)
        } else {
            targets = []
            for room in options.rooms { targets.formUnion(tables.rooms[room] ?? []) }
        }
        for room in options.except { targets.subtract(tables.rooms[room] ?? []) }
        return targets
    }
}
