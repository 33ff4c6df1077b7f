import NIOConcurrencyHelpers

/// A value guarded by a lock.
///
/// Protocol state is mutated from HTTP handlers, WebSocket loops and timers that run on
/// different tasks; every mutation goes through `withLock`, and callers perform their side
/// effects (resuming continuations, writing frames) after the lock is released.
///
/// The value and its mutex share one allocation (NIO's lock box). Every idle connection holds
/// half a dozen of these: a Foundation `NSLock` beside its own object cost each of them two
/// more heap blocks (the lock object and its separately allocated mutex).
struct Locked<Value>: @unchecked Sendable {
    private let box: NIOLockedValueBox<Value>

    init(_ value: Value) {
        self.box = NIOLockedValueBox(value)
    }

    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        let outcome = box.withLockedValue { value -> Swift.Result<Result, Failure> in
            do throws(Failure) {
                return .success(try body(&value))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}
