import Logging
import RedisClient

/// Rooms across server processes, over Redis pub/sub (socket.io's redis-adapter, in spirit).
///
/// Each server keeps its own sockets' rooms in an `InMemoryAdapter`. A broadcast is encoded
/// once, delivered to the local sockets at once, and published with its rooms and exclusions;
/// every other server delivers the same frames to its own sockets in those rooms (its own
/// echo is recognised by the node id and dropped). A `local` broadcast is not published.
///
/// Connection state recovery stays per server: offsets are numbered by each server for its own
/// sockets, so a client recovers only on the server it was connected to.
public final class RedisAdapter: SocketIOAdapter {
    private let rooms = InMemoryAdapter()
    private let channel: String
    private let nodeID: String
    private let publisher: RedisPublisher
    private let subscriber: RedisSubscriber
    private let logger: Logger
    private let listener = Locked<Task<Void, Never>?>(nil)

    public init(
        namespace: String, nodeID: String, publisher: RedisPublisher, subscriber: RedisSubscriber, logger: Logger,
        channelPrefix: String = "parley:io:"
    ) {
        self.channel = channelPrefix + namespace
        self.nodeID = nodeID
        self.publisher = publisher
        self.subscriber = subscriber
        self.logger = logger
    }

    deinit {
        listener.withLock { $0?.cancel() }
    }

    public func start(
        recovery: SocketIORecoveryConfiguration?, deliver: @escaping @Sendable (String, [EngineFrame]) -> Void
    ) {
        rooms.start(recovery: recovery, deliver: deliver)
        let messages = subscriber.messages(channels: [channel])
        let task = Task { [rooms, nodeID, logger] in
            for await message in messages {
                guard case .message(_, let payload) = message else { continue }
                do {
                    let relayed = try RedisAdapterMessage(decoding: payload)
                    guard relayed.header.node != nodeID else { continue }
                    rooms.deliver(relayed.frames, recoverable: relayed.header.recoverable, options: relayed.options)
                } catch {
                    logger.warning("dropped an unreadable broadcast from Redis", metadata: ["bytes": .stringConvertible(payload.count)])
                }
            }
        }
        listener.withLock { $0 = task }
    }

    public func join(socketID: String, rooms: Set<String>) async {
        await self.rooms.join(socketID: socketID, rooms: rooms)
    }

    public func leave(socketID: String, room: String) async {
        await rooms.leave(socketID: socketID, room: room)
    }

    public func leaveAll(socketID: String) async {
        await rooms.leaveAll(socketID: socketID)
    }

    public func rooms(of socketID: String) async -> Set<String> {
        await rooms.rooms(of: socketID)
    }

    /// The local sockets a broadcast would reach (a socket on another server has no id here).
    public func socketIDs(options: SocketIOBroadcastOptions) async -> Set<String> {
        await rooms.socketIDs(options: options)
    }

    public func broadcast(_ packet: SocketIOPacket, options: SocketIOBroadcastOptions) async {
        let frames = SocketIOPacketEncoder.encode(packet)
        let recoverable = SocketIOLoggedPacket.isRecoverable(packet)
        rooms.deliver(frames, recoverable: recoverable, options: options)
        guard !options.local else { return }
        do {
            let message = RedisAdapterMessage(node: nodeID, options: options, recoverable: recoverable, frames: frames)
            publisher.publish(channel: channel, payload: try message.encoded())
        } catch {
            logger.error("could not encode a broadcast for Redis", metadata: ["error": .string("\(error)")])
        }
    }

    public func persistSession(_ session: SocketIOPersistedSession) async {
        await rooms.persistSession(session)
    }

    public func recoverableSession(pid: String, offset: String) async -> SocketIOPersistedSession? {
        await rooms.recoverableSession(pid: pid, offset: offset)
    }

    public func restoreSession(pid: String, offset: String, socketID: String, rooms: Set<String>) async -> [[EngineFrame]]? {
        await self.rooms.restoreSession(pid: pid, offset: offset, socketID: socketID, rooms: rooms)
    }
}
