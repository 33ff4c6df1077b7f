import Foundation

/// Whether a handler ran (set from the server's tasks, read by the test).
final class HandledLog: @unchecked Sendable {
    private let lock = NSLock()
    private var marked = false
    func mark() { lock.withLock { marked = true } }
    var wasMarked: Bool { lock.withLock { marked } }
}
