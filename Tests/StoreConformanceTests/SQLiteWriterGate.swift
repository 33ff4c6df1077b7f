import Foundation
import GRDB
import Synchronization

/// Holds SQLite's single writer busy until opened, so that a test can line callers up behind it
/// and know exactly what waits when the writer comes free. The holding write waits on GRDB's
/// writer queue, never on the concurrency pool.
final class SQLiteWriterGate: Sendable {
    private let state = Mutex((entered: false, open: false))
    private let holder = Mutex<Task<Void, any Error>?>(nil)

    private init() {}

    /// Starts a write that runs `setUp` on the writer connection and then holds the writer until
    /// `open()`; returns once the writer is held.
    static func hold(
        _ pool: DatabasePool, setUp: @escaping @Sendable (Database) throws -> Void = { _ in }
    ) async throws -> SQLiteWriterGate {
        let gate = SQLiteWriterGate()
        let task = Task {
            try await pool.writeWithoutTransaction { db in
                try setUp(db)
                gate.state.withLock { $0.entered = true }
                while !gate.state.withLock({ $0.open }) { usleep(1_000) }
            }
        }
        gate.holder.withLock { $0 = task }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if gate.state.withLock({ $0.entered }) { return gate }
            try await Task.sleep(for: .milliseconds(5))
        }
        // The set-up failed (its error is thrown here) or the writer never came free.
        try await gate.open()
        throw GateNeverHeld()
    }

    struct GateNeverHeld: Error {}

    /// Lets the writer go and waits until the holding write has ended.
    func open() async throws {
        state.withLock { $0.open = true }
        try await holder.withLock { $0 }?.value
    }
}
