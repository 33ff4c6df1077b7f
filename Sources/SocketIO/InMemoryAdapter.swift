/// Rooms kept in this process.
public final class InMemoryAdapter: SocketIOAdapter {
    private struct Tables {
        var rooms: [String: Set<String>] = [:]
        var socketRooms: [String: Set<String>] = [:]
        var deliver: (@Sendable (String, [EngineFrame]) -> Void)?
    }

    private let tables = Locked(Tables())

    public init() {}

    public func start(deliver: @escaping @Sendable (String, [EngineFrame]) -> Void) {
        tables.withLock { $0.deliver = deliver }
    }

    public func join(socketID: String, rooms: Set<String>) async {
        tables.withLock { tables in
            for room in rooms {
                tables.rooms[room, default: []].insert(socketID)
            }
            tables.socketRooms[socketID, default: []].formUnion(rooms)
        }
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

    public func broadcast(_ frames: [EngineFrame], options: SocketIOBroadcastOptions) async {
        let (targets, deliver) = tables.withLock { (Self.select(options, in: $0), $0.deliver) }
        guard let deliver else { return }
        for socketID in targets {
            deliver(socketID, frames)
        }
    }

    private static func select(_ options: SocketIOBroadcastOptions, in tables: Tables) -> Set<String> {
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
