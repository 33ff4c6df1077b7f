import ParleyCore
import Synchronization

/// Who is typing where, so that a client that stops sending `typing` (or vanishes) stops
/// being shown as typing after the expiry.
final class TypingTracker: Sendable {
    struct Key: Hashable, Sendable {
        /// The room the indicator went to, and the channel id as the client gave it.
        var room: String
        var channelId: String
        var userId: ObjectId
        var socketID: String
    }

    struct Typist: Sendable {
        var key: Key
        var username: String
    }

    private struct Entry {
        var username: String
        var deadline: ContinuousClock.Instant
    }

    private let entries = Mutex<[Key: Entry]>([:])
    let expiry: Duration

    init(expiry: Duration) {
        self.expiry = expiry
    }

    /// Starts or extends an indicator; true when it is new.
    @discardableResult
    func started(_ key: Key, username: String, now: ContinuousClock.Instant = .now) -> Bool {
        entries.withLock { entries in
            let isNew = entries[key] == nil
            entries[key] = Entry(username: username, deadline: now + expiry)
            return isNew
        }
    }

    /// True when the key was typing.
    @discardableResult
    func stopped(_ key: Key) -> Bool {
        entries.withLock { $0.removeValue(forKey: key) != nil }
    }

    /// Removes and returns the indicators whose deadline passed.
    func expired(now: ContinuousClock.Instant = .now) -> [Typist] {
        entries.withLock { entries in
            let gone = entries.filter { $0.value.deadline <= now }
            for key in gone.keys { entries[key] = nil }
            return gone.map { Typist(key: $0.key, username: $0.value.username) }
        }
    }

    /// Removes and returns every indicator of a socket (it disconnected).
    func removeAll(socketID: String) -> [Typist] {
        entries.withLock { entries in
            let gone = entries.filter { $0.key.socketID == socketID }
            for key in gone.keys { entries[key] = nil }
            return gone.map { Typist(key: $0.key, username: $0.value.username) }
        }
    }
}
