import Foundation
import Logging
import SocketIO

/// JSON text for one log line, written by hand so the fields keep their order (time, level,
/// message first) and nothing is encoded twice.
enum JSONLine {
    /// Metadata the request log writes as text that is a number to log collectors.
    static let numericKeys: Set<String> = ["status", "duration_ms"]

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().timeZone(separator: .omitted).time(includingFractionalSeconds: true))
    }

    static func value(_ value: Logger.Metadata.Value, numeric: Bool) -> String {
        switch value {
        case .string(let text):
            if numeric, Double(text) != nil { return text }
            return string(text)
        case .stringConvertible(let convertible):
            let text = convertible.description
            if numeric, Double(text) != nil { return text }
            return string(text)
        case .array(let items):
            return "[" + items.map { self.value($0, numeric: false) }.joined(separator: ",") + "]"
        case .dictionary(let entries):
            return "{" + entries.sorted { $0.key < $1.key }.map { string($0.key) + ":" + self.value($0.value, numeric: false) }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal, escaped as the socket layer escapes its own JSON.
    static func string(_ text: String) -> String {
        SocketIOValue.string(text).jsonString
    }
}
