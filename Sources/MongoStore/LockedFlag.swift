import Foundation

/// A flag that turns on once, safely from any thread (used to make `close` idempotent).
/// NSLock rather than `Synchronization.Mutex`, which needs macOS 15 and the package supports 14.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false

    var isSet: Bool { lock.withLock { flag } }

    /// Sets the flag; returns true only for the call that set it.
    func setOnce() -> Bool {
        lock.withLock {
            if flag { return false }
            flag = true
            return true
        }
    }
}
