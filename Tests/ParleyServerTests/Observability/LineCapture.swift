import Foundation
import Logging
import Synchronization

@testable import ParleyServer

/// Collects the lines a `JSONLogHandler` writes, parsed.
final class LineCapture: Sendable {
    private let stored = Mutex<[String]>([])

    var lines: [String] { stored.withLock { $0 } }

    var objects: [[String: Any]] {
        lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    /// A JSON-format logger writing here, as `LOG_FORMAT=json` writes to standard error.
    func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "parley") { label in
            JSONLogHandler(label: label) { [weak self] line in self?.stored.withLock { $0.append(line) } }
        }
        logger.logLevel = level
        return logger
    }

    /// Waits for a parsed line matching `predicate` (the request line follows the response).
    func first(timeout: Duration = .seconds(10), where predicate: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let found = objects.first(where: predicate) { return found }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TestFailure("no matching JSON log line; logged: \(lines)")
    }
}
