import Foundation
import GRDB
import ParleyCore
import ParleyStore
import Testing

@testable import SQLiteStore

/// Posting on SQLite commits the messages waiting for the writer together: every caller still
/// learns its own outcome, only after its transaction has committed, and a message is readable
/// exactly when its caller was told it is stored.
@Suite("SQLite group commit")
struct SQLiteGroupCommitTests {
    typealias F = StoreFixtures

    /// A fresh SQLite store with the chat fixture, its message store's queue and its pool.
    private func withQueue(
        _ body: (ChatFixture, any MessageStore, SQLiteMessageInsertQueue, DatabasePool) async throws -> Void
    ) async throws {
        try await withStore(.sqlite) { store in
            let chat = try await ChatFixture.make(store)
            let messages = try #require(store.messages as? SQLiteMessageStore)
            try await body(chat, store.messages, messages.insertQueue, messages.pool)
        }
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw ConditionNeverMet() }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    private struct ConditionNeverMet: Error {}

    /// Starts inserting each message in a task of its own, without waiting.
    private func post(_ list: [Message], to messages: any MessageStore) -> [Task<Void, any Error>] {
        list.map { message in Task { try await messages.insert(message) } }
    }

    /// Holds the writer, then starts posting `count` messages ("m1"…) and waits until every
    /// one of them is queued or committing behind the held writer.
    private func postWhileHeld(
        _ count: Int, chat: ChatFixture, messages: any MessageStore, queue: SQLiteMessageInsertQueue, pool: DatabasePool
    ) async throws -> (gate: SQLiteWriterGate, posted: [Message], tasks: [Task<Void, any Error>]) {
        let gate = try await SQLiteWriterGate.hold(pool)
        let posted = (1...count).map { chat.message("m\($0)", at: Double($0)) }
        let tasks = post(posted, to: messages)
        try await waitUntil { queue.waitingCount + queue.committingCount == count }
        return (gate, posted, tasks)
    }

    @Test func concurrentInsertsAreAllStoredWithTheirReplyCounts() async throws {
        try await withQueue { chat, messages, _, _ in
            let parent = try await chat.post(messages, "thread", at: 0)
            let posted = (1...200).map { index in
                chat.message("m\(index)", at: Double(index), replyTo: index.isMultiple(of: 4) ? parent.id : nil)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for message in posted { group.addTask { try await messages.insert(message) } }
                try await group.waitForAll()
            }

            let stored = try await messages.history(channelId: chat.general.id, window: .latest(limit: 500, offset: 0))
            #expect(stored?.filter { $0.id != parent.id } == posted)
            let thread = try await messages.find(id: parent.id)
            #expect(thread?.replyCount == 50)
            #expect(thread?.lastReplyAt == F.at(200))
        }
    }

    @Test func callersWaitingForTheWriterShareATransaction() async throws {
        try await withQueue { chat, messages, queue, pool in
            let before = queue.transactionCount
            let (gate, posted, tasks) = try await postWhileHeld(200, chat: chat, messages: messages, queue: queue, pool: pool)
            // Not one of them is answered while the writer is held: nothing is committed yet.
            #expect(try await messages.find(ids: posted.map(\.id)).isEmpty)
            try await gate.open()
            for task in tasks { try await task.value }

            #expect(try await messages.find(ids: posted.map(\.id)).count == 200)
            // The first caller's transaction may have started before the others arrived; all
            // that came while it waited went into one more.
            #expect(queue.transactionCount - before <= 2)
            #expect(queue.largestBatch >= 100)
        }
    }

    @Test func aTransactionHoldsAtMostTheBatchLimit() async throws {
        try await withQueue { chat, messages, queue, pool in
            let before = queue.transactionCount
            let (gate, posted, tasks) = try await postWhileHeld(600, chat: chat, messages: messages, queue: queue, pool: pool)
            try await gate.open()
            for task in tasks { try await task.value }

            #expect(try await messages.find(ids: posted.map(\.id)).count == 600)
            #expect(queue.largestBatch == SQLiteMessageInsertQueue.batchLimit)
            #expect(queue.transactionCount - before >= 3)
        }
    }

    @Test func aDuplicateIdFailsItsOwnCallerOnly() async throws {
        try await withQueue { chat, messages, queue, pool in
            let existing = try await chat.post(messages, "first", at: 0)
            let before = queue.transactionCount
            let gate = try await SQLiteWriterGate.hold(pool)
            let early = (1...10).map { chat.message("early \($0)", at: Double($0)) }
            let earlyTasks = post(early, to: messages)
            try await waitUntil { queue.waitingCount + queue.committingCount == 10 }
            var copy = existing
            copy.text = "second"
            let duplicateTask = post([copy], to: messages)[0]
            try await waitUntil { queue.waitingCount + queue.committingCount == 11 }
            let late = (11...20).map { chat.message("late \($0)", at: Double($0)) }
            let lateTasks = post(late, to: messages)
            try await waitUntil { queue.waitingCount + queue.committingCount == 21 }
            try await gate.open()

            await #expect(throws: StoreError.duplicate(field: "id")) { try await duplicateTask.value }
            for task in earlyTasks + lateTasks { try await task.value }
            #expect(try await messages.find(ids: (early + late).map(\.id)).count == 20)
            #expect(try await messages.find(id: existing.id)?.text == "first")
            // At most two transactions for 21 callers: the duplicate, coming after ten others,
            // shared its transaction with at least ten messages that were kept.
            #expect(queue.transactionCount - before <= 2)
        }
    }

    @Test func aReplyBatchedWithItsParentCountsOnceEvenWhenPostedTwice() async throws {
        try await withQueue { chat, messages, queue, pool in
            let before = queue.transactionCount
            let gate = try await SQLiteWriterGate.hold(pool)
            // The first caller's transaction is taken and held; the next three wait behind it
            // and go into the second, in the order they came.
            let filler = post([chat.message("filler", at: 0)], to: messages)[0]
            try await waitUntil { queue.committingCount == 1 }
            let parent = chat.message("question", at: 1)
            let reply = chat.message("answer", by: chat.bob, at: 2, replyTo: parent.id)
            var tasks: [Task<Void, any Error>] = []
            for (index, message) in [parent, reply, reply].enumerated() {
                tasks += post([message], to: messages)
                try await waitUntil { queue.waitingCount == index + 1 }
            }
            try await gate.open()

            try await filler.value
            try await tasks[0].value
            try await tasks[1].value
            await #expect(throws: StoreError.duplicate(field: "id")) { try await tasks[2].value }
            #expect(queue.transactionCount - before == 2)
            #expect(queue.largestBatch == 3)
            let thread = try await messages.find(id: parent.id)
            #expect(thread?.replyCount == 1)
            #expect(thread?.lastReplyAt == F.at(2))
            #expect(try await messages.replies(to: parent.id, limit: 10, offset: 0).items == [reply])
        }
    }

    @Test func aCallerCancelledWhileWaitingLeavesWithoutItsMessage() async throws {
        try await withQueue { chat, messages, queue, pool in
            let gate = try await SQLiteWriterGate.hold(pool)
            let filler = post([chat.message("filler", at: 0)], to: messages)[0]
            try await waitUntil { queue.committingCount == 1 }
            let posted = (1...3).map { chat.message("m\($0)", at: Double($0)) }
            var tasks: [Task<Void, any Error>] = []
            for (index, message) in posted.enumerated() {
                tasks += post([message], to: messages)
                try await waitUntil { queue.waitingCount == index + 1 }
            }
            tasks[1].cancel()
            try await waitUntil { queue.waitingCount == 2 }
            try await gate.open()

            try await filler.value
            try await tasks[0].value
            try await tasks[2].value
            await #expect(throws: CancellationError.self) { try await tasks[1].value }
            #expect(try await messages.find(ids: posted.map(\.id)).map(\.id).sorted() == [posted[0].id, posted[2].id].sorted())
        }
    }

    @Test func aCallerToldStoredFindsItsMessageAndNoOtherDoesWhenTheDiskFills() async throws {
        try await withQueue { chat, messages, queue, pool in
            // A database allowed only a few more pages: the first, small transaction fits, the
            // batch of long messages behind it does not (SQLITE_FULL, which gives up the whole
            // transaction): nobody in that batch may be told their message is stored.
            let gate = try await SQLiteWriterGate.hold(pool) { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                try db.execute(sql: "PRAGMA max_page_count = \(pages + 40)")
            }
            let first = chat.message("short", at: 0)
            let firstTask = post([first], to: messages)[0]
            try await waitUntil { queue.committingCount == 1 }
            let long = (1...80).map { chat.message(String(repeating: "lorem ipsum \($0) ", count: 200), at: Double($0)) }
            let tasks = post(long, to: messages)
            try await waitUntil { queue.waitingCount == 80 }
            try await gate.open()

            try await firstTask.value
            var told = [first.id]
            var failures = 0
            for (message, task) in zip(long, tasks) {
                do {
                    try await task.value
                    told.append(message.id)
                } catch {
                    failures += 1
                }
            }
            #expect(failures > 0)
            let stored = try await messages.find(ids: [first.id] + long.map(\.id)).map(\.id)
            #expect(stored.sorted() == told.sorted())
        }
    }
}
