import Foundation
import Testing

@testable import ParleyServer

/// `WireDate` writes dates as JavaScript's `toISOString()` does, to the millisecond the stores
/// keep.
@Suite("Wire dates")
struct WireDateTests {
    /// Milliseconds since 1970 and what `new Date(ms).toISOString()` prints for them
    /// (proleptic Gregorian calendar, four-digit years).
    static let vectors: [(Int64, String)] = [
        (0, "1970-01-01T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (1, "1970-01-01T00:00:00.001Z"),
        (-62135596800000, "0001-01-01T00:00:00.000Z"),
        (253402300799999, "9999-12-31T23:59:59.999Z"),
        (951782400000, "2000-02-29T00:00:00.000Z"),
        (1709164799999, "2024-02-28T23:59:59.999Z"),
        (-12219292800000, "1582-10-15T00:00:00.000Z"),
        (-12219292800001, "1582-10-14T23:59:59.999Z"),
        (1736899200123, "2025-01-15T00:00:00.123Z"),
        (160129608660279, "7044-04-21T22:51:00.279Z"),
        (-34954248008624, "0862-05-05T22:39:51.376Z"),
        (-9146283673557, "1680-03-01T05:38:46.443Z"),
        (58726962329333, "3830-12-26T05:05:29.333Z"),
        (-13752629167912, "1534-03-14T01:13:52.088Z"),
        (73345151611791, "4294-03-20T05:13:31.791Z"),
        (-28860661861850, "1055-06-11T13:28:58.150Z"),
        (62323863519948, "3944-12-19T00:18:39.948Z"),
    ]

    @Test func storedMillisecondsArePrintedAsJavaScriptPrintsThem() {
        for (millis, expected) in Self.vectors {
            // How both engines turn a stored value back into a Date.
            #expect(WireDate.string(Date(timeIntervalSince1970: Double(millis) / 1000)) == expected, "\(millis)")
        }
    }

    @Test func everyStoredMillisecondOfModernDatesMatchesTheFormatStyleRoundedToIt() {
        // From 1583 on the Gregorian calendars agree; the style truncates, so it is given the
        // middle of the millisecond, where truncating is rounding.
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        var generator = SystemRandomNumberGenerator()
        var mismatches: [Int64] = []
        for _ in 0..<100_000 {
            let millis = Int64.random(in: -12_212_553_600_000 ..< 253_402_300_800_000, using: &generator)
            let stored = Date(timeIntervalSince1970: Double(millis) / 1000)
            let middle = Date(timeIntervalSince1970: (Double(millis) + 0.5) / 1000)
            if WireDate.string(stored) != style.format(middle) { mismatches.append(millis) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test func aFreshDateReadsTheSameBeforeAndAfterTheStoreRoundsIt() {
        // A POST answers with the message as created (sub-millisecond clock); history answers
        // with it as stored (whole milliseconds, rounded).
        for _ in 0..<10_000 {
            let now = Date(timeIntervalSince1970: Double.random(in: 1_500_000_000 ..< 2_000_000_000))
            let stored = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1000).rounded() / 1000)
            #expect(WireDate.string(now) == WireDate.string(stored))
        }
    }
}
