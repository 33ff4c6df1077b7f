import Foundation

/// BSON datetimes are whole milliseconds since 1970. One place decides the rounding so that the
/// writer, the filters and the tests agree.
enum BSONDate {
    /// Rounds to the nearest millisecond rather than truncating: a date that already has
    /// millisecond precision (one read back from the store) may be stored as 0.999… in binary
    /// floating point, and truncating would move it back one millisecond on every round trip.
    static func milliseconds(of date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        // Dates beyond ±292 million years cannot be stored; clamp instead of trapping.
        return Int64(exactly: value) ?? (value < 0 ? Int64.min : Int64.max)
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
