import Synchronization

/// A value guarded by a lock.
///
/// Protocol state is mutated from HTTP handlers, WebSocket loops and timers that run on
/// different tasks; every mutation goes through `withLock`, and callers perform their side
/// effects (resuming continuations, writing frames) after the lock is released.
///
/// The lock is a `Mutex` stored inline: an idle connection holds half a dozen of these, and
/// `NSLock` would cost each one an object and a separately allocated pthread mutex.
final class Locked<Value>: @unchecked Sendable {
    /// `Mutex` hands out `sending` values; the wrapper lets non-Sendable state through, which
    /// is safe because the value never leaves the lock except through `withLock`'s result.
    private struct Unchecked<Wrapped>: @unchecked Sendable {
        var value: Wrapped
    }

    private let mutex: Mutex<Unchecked<Value>>

    init(_ value: Value) {
        self.mutex = Mutex(Unchecked(value: value))
    }

    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        try mutex.withLock { (locked: inout Unchecked<Value>) throws(Failure) -> Unchecked<Result> in
            Unchecked(value: try body(&locked.value))
        }.value
    }
}
