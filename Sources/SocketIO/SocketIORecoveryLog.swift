/// The state behind connection state recovery in one process, as a plain value changed under
/// its owner's lock: the numbered log of recent broadcasts and the sessions of disconnected
/// sockets, each with the broadcasts it has missed since.
///
/// A client that comes back names the last offset it saw. What it missed is what the log holds
/// after that offset up to its disconnection (sent to a transport that was already failing),
/// then what its session buffered. Both are bounded; when either can no longer answer, the
/// session cannot be recovered and the client starts a new one.
struct SocketIORecoveryLog {
    private struct Session {
        var record: SocketIOPersistedSession
        let disconnectedAt: ContinuousClock.Instant
        /// The last offset issued when the session was kept: later broadcasts are in `missed`,
        /// earlier ones (sent while the transport was failing) come from the log.
        let lastOffsetBefore: UInt64
        var missed: [SocketIOLoggedPacket] = []
        var missedBytes = 0
    }

    let limits: SocketIORecoveryConfiguration
    private var log = FIFOQueue<SocketIOLoggedPacket>()
    private var logBytes = 0
    private(set) var lastOffset: UInt64 = 0
    /// The newest offset dropped from the log: a client that saw nothing after it cannot be
    /// told what it missed.
    private var lastDropped: UInt64 = 0
    private var sessions: [String: Session] = [:]
    private var sessionsByRoom: [String: Set<String>] = [:]
    /// Sessions in the order they were kept, for expiry and for forgetting the oldest (an entry
    /// whose session was recovered or kept again later is skipped).
    private var order = FIFOQueue<(pid: String, at: ContinuousClock.Instant)>()

    init(limits: SocketIORecoveryConfiguration) {
        self.limits = limits
    }

    var sessionCount: Int { sessions.count }

    /// The offset of the next broadcast.
    mutating func issueOffset() -> UInt64 {
        lastOffset += 1
        return lastOffset
    }

    /// Keeps a broadcast in the log and in the buffer of every disconnected session it
    /// addresses; a session that overflows is forgotten.
    mutating func record(_ packet: SocketIOLoggedPacket) {
        expire(now: packet.time)
        log.append(packet)
        logBytes += packet.byteCount
        while log.count > limits.maxLoggedPackets || logBytes > limits.maxLoggedBytes, let dropped = log.removeFirst() {
            drop(dropped)
        }
        let candidates = packet.options.rooms.isEmpty
            ? Set(sessions.keys) : packet.options.rooms.reduce(into: Set<String>()) { $0.formUnion(sessionsByRoom[$1] ?? []) }
        for pid in candidates {
            guard var session = sessions[pid], packet.reaches(rooms: session.record.rooms, memberships: session.record.rooms) else { continue }
            session.missed.append(packet)
            session.missedBytes += packet.byteCount
            if session.missed.count > limits.maxSessionPackets || session.missedBytes > limits.maxSessionBytes {
                forget(pid)
            } else {
                sessions[pid] = session
            }
        }
    }

    /// Keeps a socket that lost its transport (its rooms as they were when it left).
    mutating func persist(_ record: SocketIOPersistedSession, now: ContinuousClock.Instant) {
        expire(now: now)
        forget(record.pid)
        sessions[record.pid] = Session(record: record, disconnectedAt: now, lastOffsetBefore: lastOffset)
        for room in record.rooms { sessionsByRoom[room, default: []].insert(record.pid) }
        order.append((record.pid, now))
        while sessions.count > limits.maxSessions, let oldest = order.removeFirst() {
            if sessions[oldest.pid]?.disconnectedAt == oldest.at { forget(oldest.pid) }
        }
    }

    /// The session a client claims, if it is still kept and can be brought up to date from
    /// the offset the client names.
    func recoverable(_ claim: SocketIORecoveryClaim, now: ContinuousClock.Instant) -> SocketIOPersistedSession? {
        guard let session = sessions[claim.pid], session.disconnectedAt + limits.window >= now,
            let offset = SocketIOLoggedPacket.offset(from: claim.offset), offset <= lastOffset,
            offset >= session.lastOffsetBefore || offset >= lastDropped
        else { return nil }
        return session.record
    }

    /// Takes the session out and returns, in order, the broadcasts after the client's offset
    /// that reach `rooms` (what the socket may keep), or nil when it cannot be recovered or
    /// missed more than a session may.
    mutating func restore(_ claim: SocketIORecoveryClaim, rooms: Set<String>, now: ContinuousClock.Instant) -> [SocketIOLoggedPacket]? {
        guard recoverable(claim, now: now) != nil, let session = sessions[claim.pid],
            let offset = SocketIOLoggedPacket.offset(from: claim.offset)
        else { return nil }
        forget(claim.pid)
        let memberships = session.record.rooms.union(rooms)
        let beforeLeaving = log.elements.lazy.filter { $0.offset > offset && $0.offset <= session.lastOffsetBefore }
        let missed = (Array(beforeLeaving) + session.missed.filter { $0.offset > offset })
            .filter { $0.reaches(rooms: rooms, memberships: memberships) }
        guard missed.count <= limits.maxSessionPackets, missed.reduce(0, { $0 + $1.byteCount }) <= limits.maxSessionBytes else {
            return nil
        }
        return missed
    }

    /// Drops what is older than the window.
    mutating func expire(now: ContinuousClock.Instant) {
        let threshold = now - limits.window
        while let first = log.first, first.time < threshold, let dropped = log.removeFirst() {
            drop(dropped)
        }
        while let oldest = order.first {
            if let session = sessions[oldest.pid], session.disconnectedAt == oldest.at {
                guard oldest.at < threshold else { break }
                forget(oldest.pid)
            }
            order.removeFirst()
        }
    }

    private mutating func drop(_ packet: SocketIOLoggedPacket) {
        logBytes -= packet.byteCount
        lastDropped = max(lastDropped, packet.offset)
    }

    private mutating func forget(_ pid: String) {
        guard let session = sessions.removeValue(forKey: pid) else { return }
        for room in session.record.rooms {
            sessionsByRoom[room]?.remove(pid)
            if sessionsByRoom[room]?.isEmpty == true { sessionsByRoom[room] = nil }
        }
    }
}
