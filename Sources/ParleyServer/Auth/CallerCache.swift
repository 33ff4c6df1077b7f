import ParleyCore
import Synchronization

/// The caller's account and their access to a channel, remembered for a few seconds so that an
/// authenticated request and a history page or a post do not each read the user, the channel
/// and the group again.
///
/// Freshness: an entry is served at most `lifetime` (5 s, as `LiveSessionCache`) after it was
/// read. A change made in this process drops the entries it affects before it is answered
/// (`CacheInvalidatingEventBus` sees every published event at once, and services that change
/// what no event covers call `forget…` themselves); a change made on another node drops them
/// when its event arrives through `RedisEventBus`, and everything is dropped when that bus
/// resubscribes after a loss. An event lost on the way costs nothing beyond the lifetime: an
/// entry read before a change elsewhere expires at most `lifetime` after that change.
///
/// A read that was under way while an invalidation happened is not remembered (`generation`),
/// so a slow read can never put back a value from before the change.
final class CallerCache: Sendable {
    static let defaultLifetime: Duration = LiveSessionCache.defaultLifetime

    /// The key of an access entry: who asked for which id (a channel's, or a group's standing
    /// for its `general` channel).
    struct AccessKey: Hashable {
        let userId: ObjectId
        let id: ObjectId
    }

    /// A value read from the store at `generation`, kept if no invalidation happened since.
    struct Ticket {
        fileprivate let generation: UInt64
    }

    private struct State {
        var generation: UInt64 = 0
        var users: [ObjectId: (user: User, since: ContinuousClock.Instant)] = [:]
        var access: [AccessKey: (channel: Channel, group: Group, since: ContinuousClock.Instant)] = [:]
    }

    private let state = Mutex(State())
    private let lifetime: Duration
    private let maximumEntries: Int

    init(lifetime: Duration = CallerCache.defaultLifetime, maximumEntries: Int = 50_000) {
        self.lifetime = lifetime
        self.maximumEntries = maximumEntries
    }

    /// A cache that never answers: the default of a service built without one wired to the
    /// events, so that nothing is served that no event would drop.
    static func off() -> CallerCache { CallerCache(lifetime: .zero, maximumEntries: 1) }

    /// Taken before reading the store, handed back to `remember`.
    func ticket() -> Ticket {
        state.withLock { Ticket(generation: $0.generation) }
    }

    func user(_ id: ObjectId, now: ContinuousClock.Instant = .now) -> User? {
        state.withLock { state in
            guard let entry = state.users[id], now - entry.since < lifetime else { return nil }
            return entry.user
        }
    }

    func remember(_ user: User, readAt ticket: Ticket, now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            guard state.generation == ticket.generation else { return }
            makeRoom(in: &state.users, now: now, since: \.since)
            state.users[user.id] = (user, now)
        }
    }

    func access(_ key: AccessKey, now: ContinuousClock.Instant = .now) -> (Channel, Group)? {
        state.withLock { state in
            guard let entry = state.access[key], now - entry.since < lifetime else { return nil }
            return (entry.channel, entry.group)
        }
    }

    func remember(_ access: (Channel, Group), for key: AccessKey, readAt ticket: Ticket, now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            guard state.generation == ticket.generation else { return }
            makeRoom(in: &state.access, now: now, since: \.since)
            state.access[key] = (access.0, access.1, now)
        }
    }

    /// The user's account and every access entry of theirs.
    func forgetUser(_ userId: ObjectId) {
        state.withLock { state in
            state.generation &+= 1
            state.users[userId] = nil
            state.access = state.access.filter { $0.key.userId != userId }
        }
    }

    /// Every access entry into the group's channels.
    func forgetGroup(_ groupId: ObjectId) {
        state.withLock { state in
            state.generation &+= 1
            state.access = state.access.filter { $0.value.group.id != groupId }
        }
    }

    func forgetAll() {
        state.withLock { state in
            state.generation &+= 1
            state.users.removeAll()
            state.access.removeAll()
        }
    }

    /// Drops what `event` may have made stale.
    func invalidate(for event: DomainEvent) {
        switch event {
        case .accountChanged(let userId), .sessionsRevoked(let userId, _): forgetUser(userId)
        case .memberJoined(let groupId, let userId), .memberLeft(let groupId, let userId):
            // The account lists its groups too.
            forgetGroup(groupId)
            forgetUser(userId)
        case .channelsChanged(let groupId): forgetGroup(groupId)
        case .messageCreated, .messageEdited, .messageDeleted, .replyCreated, .reactionChanged, .callChanged: break
        }
    }

    /// Bounded memory: stale entries go first, and if all are fresh the cache restarts.
    private func makeRoom<Key, Value>(
        in entries: inout [Key: Value], now: ContinuousClock.Instant, since: (Value) -> ContinuousClock.Instant
    ) {
        guard entries.count >= maximumEntries else { return }
        entries = entries.filter { now - since($0.value) < lifetime }
        if entries.count >= maximumEntries { entries.removeAll() }
    }
}
