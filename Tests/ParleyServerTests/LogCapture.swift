import Foundation
import Logging

/// Collects what the application logs, for tests that check how something is reported.
final class LogCapture: @unchecked Sendable {
    struct Entry: Sendable {
        let level: Logger.Level
        let message: String
    }

    private let lock = NSLock()
    private var stored: [Entry] = []

    var entries: [Entry] { lock.withLock { stored } }

    fileprivate func append(_ entry: Entry) { lock.withLock { stored.append(entry) } }

    /// A logger that records here (and nowhere else) at `level` and above.
    func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "parley-test") { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    /// Waits for an entry whose message contains `text`.
    func next(containing text: String, timeout: Duration = .seconds(10)) async throws -> Entry {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let entry = entries.first(where: { $0.message.contains(text) }) { return entry }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TestFailure("no log entry containing \"\(text)\"; logged: \(entries.map { "\($0.level) \($0.message)" })")
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append(Entry(level: event.level, message: event.message.description))
        }
    }
}
