import Foundation
import Logging

/// Writes each entry as one JSON object on one line: `time`, `level`, `message`, then the
/// metadata (`request_id`, `route`, `status`, `duration_ms`, `user_id`, … where known).
/// Numbers the request log formats as text (`status`, `duration_ms`) are written as numbers.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let write: @Sendable (String) -> Void

    /// `write` receives one complete line (with its newline).
    public init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    /// To standard error, where the text format writes too.
    public static func standardError(label: String) -> JSONLogHandler {
        JSONLogHandler(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("time", JSONLine.string(JSONLine.timestamp(Date()))),
            ("level", JSONLine.string(event.level.rawValue)),
            ("message", JSONLine.string(event.message.description)),
            ("logger", JSONLine.string(label)),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() {
            guard let value = merged[key] else { continue }
            // Hummingbird's key for the request id (see RequestLogMiddleware).
            let name = key == "hb.request.id" ? "request_id" : key
            fields.append((name, JSONLine.value(value, numeric: JSONLine.numericKeys.contains(name))))
        }
        if event.level >= .error, !merged.keys.contains("source") {
            fields.append(("source", JSONLine.string("\(event.file):\(event.line)")))
        }
        write("{" + fields.map { JSONLine.string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}\n")
    }
}
