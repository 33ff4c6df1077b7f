/// A broadcast kept for connection state recovery: its offset, its frames (the same bytes every
/// receiver got, shared, not copied) and whom it was addressed to.
struct SocketIOLoggedPacket: Sendable {
    let offset: UInt64
    let frames: [EngineFrame]
    let options: SocketIOBroadcastOptions
    let byteCount: Int
    let time: ContinuousClock.Instant

    init(offset: UInt64, frames: [EngineFrame], options: SocketIOBroadcastOptions, time: ContinuousClock.Instant) {
        self.offset = offset
        self.frames = frames
        self.options = options
        self.byteCount = frames.reduce(0) { $0 + $1.byteCount }
        self.time = time
    }

    /// The reference's rule: addressed to everyone or to one of `rooms`, and not excluded by
    /// any of `memberships` (every room the session was in, which includes its own id).
    func reaches(rooms: Set<String>, memberships: Set<String>) -> Bool {
        (options.rooms.isEmpty || !options.rooms.isDisjoint(with: rooms)) && options.except.isDisjoint(with: memberships)
    }

    /// Only events without an acknowledgement are kept and numbered, as the reference does: an
    /// acknowledgement callback cannot outlive the socket that waits for it.
    static func isRecoverable(_ packet: SocketIOPacket) -> Bool {
        (packet.type == .event || packet.type == .binaryEvent) && packet.ackID == nil && packet.data?.arrayValue != nil
    }

    /// Offsets travel as decimal strings (the client keeps the last string argument it saw).
    static func offsetText(_ offset: UInt64) -> String { String(offset) }

    static func offset(from text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.count <= 20, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return UInt64(text)
    }
}
