import Foundation

/// Dates on the wire: ISO-8601 UTC with milliseconds (`2025-01-15T00:00:00.000Z`), as
/// JavaScript's `toISOString()` writes them.
///
/// Written by hand: a history page holds three dates per message, and `ISO8601FormatStyle`
/// cost more than the rest of the message's JSON. It also printed the wrong millisecond for
/// about half the stored dates: both engines store whole milliseconds (rounded) and read them
/// back as `millis / 1000`, a binary fraction just under the value (`….123` is `….12299…`),
/// which the style truncated to `.122`. Here the millisecond is rounded, as the stores round
/// it, so a message's `createdAt` reads the same in the answer to its POST and in every
/// history page after; and the calendar is the proleptic Gregorian one of JavaScript's
/// `toISOString()` (the style switches to the Julian calendar before 1582). Dates outside
/// years 1–9999, which no stored row holds, go to the style.
enum WireDate {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    /// 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z in milliseconds since 1970.
    private static let writable: Range<Int64> = -62_135_596_800_000 ..< 253_402_300_800_000

    /// The length of every date this writes itself: `2025-01-15T00:00:00.123Z`.
    static let length = 24

    static func string(_ date: Date) -> String {
        guard let millis = writableMillis(date) else { return style.format(date) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            write(millis: millis, into: UnsafeMutableRawBufferPointer(buffer))
            return length
        }
    }

    /// The date's millisecond, rounded as the stores round it, when it is one `write` can
    /// write (years 1–9999); nil for the rest, which go to the style.
    static func writableMillis(_ date: Date) -> Int64? {
        let millis = (date.timeIntervalSince1970 * 1000).rounded()
        guard millis.isFinite, millis >= Double(writable.lowerBound), millis < Double(writable.upperBound) else { return nil }
        return Int64(millis)
    }

    /// Writes the `length` characters of a writable millisecond into the start of `buffer`.
    /// Civil date from days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func write(millis: Int64, into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= length && writable.contains(millis), "a writable date and room for it")
        let dayMillis: Int64 = 86_400_000
        var days = millis / dayMillis
        var rest = millis % dayMillis
        if rest < 0 {
            rest += dayMillis
            days -= 1
        }
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // Each field at its offset with its digit count, then the character after it.
        func put(_ value: Int64, at offset: Int, digits: Int, then separator: UInt8) {
            var value = value
            for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
                value /= 10
            }
            buffer[offset + digits] = separator
        }
        put(year, at: 0, digits: 4, then: UInt8(ascii: "-"))
        put(month, at: 5, digits: 2, then: UInt8(ascii: "-"))
        put(day, at: 8, digits: 2, then: UInt8(ascii: "T"))
        put(rest / 3_600_000, at: 11, digits: 2, then: UInt8(ascii: ":"))
        put(rest / 60_000 % 60, at: 14, digits: 2, then: UInt8(ascii: ":"))
        put(rest / 1000 % 60, at: 17, digits: 2, then: UInt8(ascii: "."))
        put(rest % 1000, at: 20, digits: 3, then: UInt8(ascii: "Z"))
    }
}
