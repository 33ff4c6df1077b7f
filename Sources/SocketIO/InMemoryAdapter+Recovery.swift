/// Connection state recovery in one process: the adapter's lock also guards the recovery log,
/// so numbering, logging, buffering and delivery of a broadcast happen as one step, and a
/// restored socket joins its rooms in the same step that computes what it missed: nothing
/// falls between the two, and every socket receives offsets in increasing order.
extension InMemoryAdapter {
    /// Numbers an event, appends its offset to the frames encoded once (one copy of the text
    /// frame per broadcast, none per receiver), keeps it and delivers it.
    func broadcastNumbered(_ frames: [EngineFrame], options: SocketIOBroadcastOptions) {
        let now = ContinuousClock.now
        tables.withLock { tables in
            guard tables.recovery != nil else { return }
            let offset = tables.recovery?.issueOffset() ?? 0
            let numbered = SocketIOPacketEncoder.appending(argument: SocketIOLoggedPacket.offsetText(offset), to: frames)
                .map { $0.withWebSocketHeader() }
            tables.recovery?.record(SocketIOLoggedPacket(offset: offset, frames: numbered, options: options, time: now))
            guard let deliver = tables.deliver else { return }
            // Delivered under the lock: a socket must never see a later offset before an
            // earlier one, or it would claim to have seen what it has not.
            for socketID in Self.select(options, in: tables) {
                deliver(socketID, numbered)
            }
        }
    }

    public func persistSession(_ session: SocketIOPersistedSession) async {
        let now = ContinuousClock.now
        tables.withLock { $0.recovery?.persist(session, now: now) }
    }

    public func recoverableSession(pid: String, offset: String) async -> SocketIOPersistedSession? {
        let claim = SocketIORecoveryClaim(pid: pid, offset: offset)
        let now = ContinuousClock.now
        return tables.withLock { $0.recovery?.recoverable(claim, now: now) }
    }

    public func restoreSession(pid: String, offset: String, socketID: String, rooms: Set<String>) async -> [[EngineFrame]]? {
        let claim = SocketIORecoveryClaim(pid: pid, offset: offset)
        let now = ContinuousClock.now
        return tables.withLock { tables -> [[EngineFrame]]? in
            guard let missed = tables.recovery?.restore(claim, rooms: rooms, now: now) else { return nil }
            Self.join(socketID, rooms, in: &tables)
            return missed.map(\.frames)
        }
    }
}
