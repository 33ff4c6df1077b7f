import Foundation

/// A MongoDB-style 12-byte identifier, written on the wire as 24 lowercase hex characters.
///
/// Parley generates ids itself for both engines so that an id looks the same whichever store
/// holds it. The first four bytes are the creation time in seconds (as MongoDB does, so ids sort
/// roughly by age); the other eight are random, which keeps generation free of shared state.
///
/// The twelve bytes are kept inline as two big-endian integers rather than in an array: a
/// history page holds about 250 ids, and an array each was one heap allocation per id.
public struct ObjectId: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Bytes 0–7, big-endian (the creation time and four random bytes).
    private let high: UInt64
    /// Bytes 8–11, big-endian.
    private let low: UInt32

    public init(date: Date = Date()) {
        let seconds = UInt32(truncatingIfNeeded: Int64(date.timeIntervalSince1970))
        var random = SystemRandomNumberGenerator()
        high = UInt64(seconds) << 32 | UInt64(UInt32.random(in: .min ... .max, using: &random))
        low = UInt32.random(in: .min ... .max, using: &random)
    }

    /// Wraps exactly 12 raw bytes; returns nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 12 else { return nil }
        high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        low = bytes[8..<12].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// Parses 24 hex characters (either case). Anything else — including the integers that the
    /// old server's `ObjectId.isValid` let through — is not an id.
    public init?(_ hex: String) {
        var hex = hex
        guard let id = hex.withUTF8({ ObjectId(hexUTF8: $0) }) else { return nil }
        self = id
    }

    /// The same parse over UTF-8 bytes, for text read straight from a database column.
    public init?(hexUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 24 else { return nil }
        var high: UInt64 = 0
        for index in 0..<16 {
            guard let nibble = Self.nibble(utf8[index]) else { return nil }
            high = high << 4 | UInt64(nibble)
        }
        var low: UInt32 = 0
        for index in 16..<24 {
            guard let nibble = Self.nibble(utf8[index]) else { return nil }
            low = low << 4 | UInt32(nibble)
        }
        self.high = high
        self.low = low
    }

    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) } + (0..<4).map { UInt8(truncatingIfNeeded: low >> (24 - 8 * $0)) }
    }

    public var hexString: String {
        String(unsafeUninitializedCapacity: 24) { buffer in
            writeHex(into: UnsafeMutableRawBufferPointer(buffer))
            return 24
        }
    }

    /// Writes the 24 lowercase hex characters into the first 24 bytes of `buffer`.
    public func writeHex(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= 24, "an id needs 24 bytes of hex")
        for index in 0..<16 { buffer[index] = Self.hexDigit(high >> (60 - 4 * index)) }
        for index in 0..<8 { buffer[16 + index] = Self.hexDigit(UInt64(low) >> (28 - 4 * index)) }
    }

    public var description: String { hexString }

    /// The creation time encoded in the first four bytes.
    public var timestamp: Date {
        Date(timeIntervalSince1970: TimeInterval(UInt32(truncatingIfNeeded: high >> 32)))
    }

    /// Byte order: the big-endian halves compare as the bytes do.
    public static func < (lhs: ObjectId, rhs: ObjectId) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    private static func hexDigit(_ value: UInt64) -> UInt8 {
        let nibble = UInt8(truncatingIfNeeded: value & 0x0F)
        return nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension ObjectId: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ObjectId(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a 24-character hex id")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hexString)
    }
}
