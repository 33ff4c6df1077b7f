import Foundation
import ParleyCore
import ParleyStore
import SQLiteStore
import Testing

/// Not a test: a measurement, run only with `PARLEY_BENCH=1` (see Benchmarks/history-page).
/// It fills one channel per size, each in its own SQLite store, and times reading one
/// 50-message page from each. It prints its numbers and asserts nothing about speed.
@Suite("History page benchmark")
struct HistoryPageBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let batchSize = 50_000
    static let reads = 200
    /// Rounds of `reads` reads per store and window. The stores take turns within each round, so
    /// work by other processes on the machine falls on all sizes alike, and the median round is
    /// reported, so one burst of it does not decide the result.
    static let rounds = 7
    static let pageSize = 50

    /// Sizes from `PARLEY_BENCH_SIZES` ("10000,1000000"), ascending.
    static var sizes: [Int] {
        let sizes = (environment["PARLEY_BENCH_SIZES"] ?? "10000,1000000").split(separator: ",").compactMap { Int($0) }
        return sizes.filter { $0 > 0 }.sorted()
    }

    /// One store holding one channel of `size` messages.
    struct Subject {
        var size: Int
        var store: SQLiteStore
        var channelId: ObjectId
        /// The message in the middle of the history, the cursor for `.before` and `.after`.
        var middle: ObjectId
    }

    @Test(.enabled(if: environment["PARLEY_BENCH"] == "1"))
    func historyPageCostDoesNotGrowWithTheChannel() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
        print("bench: databases in \(folder.path)")
        var subjects: [Subject] = []
        for size in Self.sizes {
            subjects.append(try await Self.fill(folder.appendingPathComponent("\(size).sqlite").path, size: size))
        }

        let windows: [(name: String, window: (Subject) -> HistoryWindow)] = [
            ("latest", { _ in .latest(limit: Self.pageSize, offset: 0) }),
            ("before(middle)", { .before($0.middle, limit: Self.pageSize) }),
            ("after(middle)", { .after($0.middle, limit: Self.pageSize) }),
        ]
        var report: [String] = []
        for (name, window) in windows {
            var means: [[Duration]] = subjects.map { _ in [] }
            for subject in subjects { try await Self.warmUp(subject, window(subject)) }
            for _ in 0..<Self.rounds {
                for (index, subject) in subjects.enumerated() {
                    means[index].append(try await Self.meanRead(subject, window(subject)))
                }
            }
            let medians = means.map { $0.sorted()[Self.rounds / 2] }
            var line = "bench: \(name):"
            for (subject, median) in zip(subjects, medians) { line += " \(subject.size) → \(Self.micros(median)) µs;" }
            if let small = medians.first, let large = medians.last, medians.count > 1 {
                line += " ratio \(Self.ratio(large, small))"
            }
            report.append(line)
        }
        print("bench: mean time to read one \(Self.pageSize)-message page, median of \(Self.rounds) rounds of \(Self.reads) reads")
        for line in report { print(line) }

        for subject in subjects { try await subject.store.close() }
        if Self.environment["PARLEY_BENCH_KEEP"] == "1" {
            print("bench: kept \(folder.path)")
        } else {
            try FileManager.default.removeItem(at: folder)
        }
    }

    /// A new store at `path` with one channel of `size` messages, inserted in batches.
    static func fill(_ path: String, size: Int) async throws -> Subject {
        let store = try SQLiteStore(path: path)
        let author = try await StoreFixtures.insertUser(store, "bencher")
        let group = try await StoreFixtures.insertGroup(store, "Bench", by: author)
        let channel = try await StoreFixtures.insertChannel(store, "firehose", in: group, by: author, members: [author.id])
        let start = ContinuousClock.now
        var middle: ObjectId?
        var inserted = 0
        while inserted < size {
            let count = min(batchSize, size - inserted)
            let batch = (inserted..<(inserted + count)).map { message($0, channel: channel, group: group, author: author) }
            if (inserted..<(inserted + count)).contains(size / 2) { middle = batch[size / 2 - inserted].id }
            try await store.bulkInsert(batch)
            inserted += count
        }
        print("bench: filled \(size) messages in \(seconds(ContinuousClock.now - start)) s")
        return Subject(size: size, store: store, channelId: channel.id, middle: try #require(middle))
    }

    /// Message `index` of the channel: four per second, with a text long enough to give the
    /// full-text index real work.
    static func message(_ index: Int, channel: Channel, group: Group, author: User) -> Message {
        let createdAt = StoreFixtures.epoch.addingTimeInterval(Double(index) * 0.25)
        return Message(
            id: ObjectId(date: createdAt), channelId: channel.id, groupId: group.id, userId: author.id, username: author.username,
            text: "Benchmark message \(index): the quick brown fox jumps over the lazy dog", createdAt: createdAt)
    }

    static func warmUp(_ subject: Subject, _ window: HistoryWindow) async throws {
        for _ in 0..<20 {
            let page = try await subject.store.messages.history(channelId: subject.channelId, window: window)
            #expect(page?.count == pageSize)
        }
    }

    /// Mean time of one page read over `reads` reads.
    static func meanRead(_ subject: Subject, _ window: HistoryWindow) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<reads {
            _ = try await subject.store.messages.history(channelId: subject.channelId, window: window)
        }
        return (clock.now - start) / reads
    }

    static func micros(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12)
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    static func ratio(_ large: Duration, _ small: Duration) -> String {
        String(format: "%.2f", large / small)
    }
}
