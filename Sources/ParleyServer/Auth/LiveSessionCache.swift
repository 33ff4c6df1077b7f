import ParleyCore
import Synchronization

/// Sessions recently found live in the store, so that an authenticated request does not read
/// its session on every call. An entry lives at most `lifetime` (5 s by default): that is how
/// long a session revoked by another process can still pass here. A revocation made by this
/// process drops its entries at once (`forget`). Only "live" answers are kept: a revoked or
/// unknown session is read again each time.
final class LiveSessionCache: Sendable {
    static let defaultLifetime: Duration = .seconds(5)

    private let confirmed = Mutex<[ObjectId: (userId: ObjectId, since: ContinuousClock.Instant)]>([:])
    private let lifetime: Duration
    private let maximumEntries: Int

    init(lifetime: Duration = LiveSessionCache.defaultLifetime, maximumEntries: Int = 100_000) {
        self.lifetime = lifetime
        self.maximumEntries = maximumEntries
    }

    func isKnownLive(_ sessionId: ObjectId, of userId: ObjectId, now: ContinuousClock.Instant = .now) -> Bool {
        confirmed.withLock { entries in
            guard let entry = entries[sessionId], entry.userId == userId else { return false }
            return now - entry.since < lifetime
        }
    }

    func remember(_ sessionId: ObjectId, of userId: ObjectId, now: ContinuousClock.Instant = .now) {
        confirmed.withLock { entries in
            if entries.count >= maximumEntries {
                // Bounded memory: stale entries go first, and if all are fresh the cache restarts.
                entries = entries.filter { now - $0.value.since < lifetime }
                if entries.count >= maximumEntries { entries.removeAll() }
            }
            entries[sessionId] = (userId, now)
        }
    }

    func forget(_ sessionIds: some Sequence<ObjectId>) {
        confirmed.withLock { entries in
            for id in sessionIds { entries[id] = nil }
        }
    }
}
