import Foundation

/// Dates on the wire: ISO-8601 UTC with milliseconds (`2025-01-15T00:00:00.000Z`), as
/// JavaScript's `toISOString()` writes them.
enum WireDate {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    static func string(_ date: Date) -> String {
        style.format(date)
    }
}
