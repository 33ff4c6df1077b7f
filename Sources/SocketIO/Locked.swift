import Foundation

/// A value guarded by a lock.
///
/// Protocol state is mutated from HTTP handlers, WebSocket loops and timers that run on
/// different tasks; every mutation goes through `withLock`, and callers perform their side
/// effects (resuming continuations, writing frames) after the lock is released.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
