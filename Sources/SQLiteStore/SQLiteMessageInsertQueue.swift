import Foundation
import GRDB
import ParleyCore
import ParleyStore
import Synchronization

/// Group commit for posted messages. SQLite has one writer, and a transaction's cost is mostly
/// its own (begin, commit, WAL frame) rather than its rows', so messages that arrive while a
/// write transaction runs wait for it to end and are then committed together, in arrival order,
/// in one transaction of at most `batchLimit` messages. Each caller resumes only once the
/// transaction holding its message has committed, with its own outcome: every message has its
/// own savepoint, so a duplicate id fails that caller alone, while a failure of the transaction
/// itself (busy, disk) fails every caller of the batch. Nothing is reported stored that is not.
///
/// Memory is bounded by the callers: the queue holds one continuation per waiting caller and
/// nothing else. The writing task exists only while callers wait and ends when the queue is
/// empty, so it never outlives them (or the store).
final class SQLiteMessageInsertQueue: Sendable {
    /// Enough to absorb every connection of a busy server in one transaction, small enough that
    /// the first caller of a batch is not kept long by the last.
    static let batchLimit = 256

    private struct Waiter {
        let ticket: UInt64
        let message: Message
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var waiting: [Waiter] = []
        var nextTicket: UInt64 = 0
        /// Whether the writing task is running; at most one at a time.
        var isWriting = false
        /// Messages taken out of `waiting` into the transaction being written.
        var committing = 0
        var transactions = 0
        var largestBatch = 0
    }

    private let pool: DatabasePool
    private let state = Mutex(State())

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Inserts `message` as `SQLiteMessageRows.insert` does, returning once it is committed or
    /// throwing its own error. A caller cancelled while still waiting leaves the queue with
    /// `CancellationError` and its message unwritten; once its transaction has started it gets
    /// that transaction's outcome, since the others' messages are written with it.
    func insert(_ message: Message) async throws {
        let ticket = state.withLock { state in
            defer { state.nextTicket += 1 }
            return state.nextTicket
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enqueue(Waiter(ticket: ticket, message: message, continuation: continuation))
            }
        } onCancel: {
            withdraw(ticket)
        }
    }

    private func enqueue(_ waiter: Waiter) {
        let startsWriter = state.withLock { state -> Bool? in
            // Checked under the lock that `withdraw` takes, so a cancellation is seen either here
            // or there, never by neither.
            if Task.isCancelled { return nil }
            state.waiting.append(waiter)
            if state.isWriting { return false }
            state.isWriting = true
            return true
        }
        switch startsWriter {
        case nil: waiter.continuation.resume(throwing: CancellationError())
        case true?:
            // Unstructured, so that no caller's cancellation interrupts a transaction holding
            // other callers' messages.
            Task { await self.writeWhileWaiting() }
        case false?: break
        }
    }

    private func withdraw(_ ticket: UInt64) {
        let withdrawn = state.withLock { state -> Waiter? in
            guard let index = state.waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
            return state.waiting.remove(at: index)
        }
        withdrawn?.continuation.resume(throwing: CancellationError())
    }

    private func writeWhileWaiting() async {
        while let batch = nextBatch() {
            let outcomes = await commit(batch.map(\.message))
            state.withLock { state in state.committing = 0 }
            for (waiter, outcome) in zip(batch, outcomes) { waiter.continuation.resume(with: outcome) }
        }
    }

    /// The oldest waiting messages, at most `batchLimit`; nil (and the writer stops) when none wait.
    private func nextBatch() -> [Waiter]? {
        state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.isWriting = false
                return nil
            }
            let batch: [Waiter]
            if state.waiting.count <= Self.batchLimit {
                batch = state.waiting
                state.waiting = []
            } else {
                batch = Array(state.waiting.prefix(Self.batchLimit))
                state.waiting.removeFirst(Self.batchLimit)
            }
            state.committing = batch.count
            state.transactions += 1
            state.largestBatch = max(state.largestBatch, batch.count)
            return batch
        }
    }

    /// Writes `messages` in one transaction, each in its own savepoint, and returns each one's
    /// outcome; if the transaction itself fails, that error is every message's outcome.
    private func commit(_ messages: [Message]) async -> [Result<Void, any Error>] {
        do {
            return try await pool.write { db in try Self.insert(messages, in: db) }
        } catch {
            return Array(repeating: .failure(error), count: messages.count)
        }
    }

    /// Inserts each message in its own savepoint inside the current transaction. A message's
    /// error is its own outcome, unless SQLite has given up the whole transaction (busy, full,
    /// interrupted): then it is thrown, so that nothing written before it is reported stored.
    static func insert(_ messages: [Message], in db: Database) throws -> [Result<Void, any Error>] {
        if messages.count == 1 {
            // Alone in its transaction, a message needs no savepoint (two more statements, compiled
            // each time): its error rolls the transaction back, exactly as before group commit.
            try SQLiteMessageRows.insert(messages[0], in: db)
            return [.success(())]
        }
        var outcomes: [Result<Void, any Error>] = []
        outcomes.reserveCapacity(messages.count)
        for message in messages {
            do {
                try db.inSavepoint {
                    try SQLiteMessageRows.insert(message, in: db)
                    return .commit
                }
                outcomes.append(.success(()))
            } catch {
                guard db.isInsideTransaction else { throw error }
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }

    // MARK: For tests

    /// Callers whose message is queued, not yet in a transaction.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Callers whose message is in the transaction being written.
    var committingCount: Int { state.withLock { $0.committing } }

    /// Write transactions begun since the store was opened.
    var transactionCount: Int { state.withLock { $0.transactions } }

    /// The most messages one transaction has held.
    var largestBatch: Int { state.withLock { $0.largestBatch } }
}
