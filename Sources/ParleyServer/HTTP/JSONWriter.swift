import Foundation
import NIOCore
import ParleyCore

/// Writes JSON text straight into a byte array, for the views every busy request answers
/// with (a history page is 50 messages of ~25 fields). `JSONEncoder` builds a container per
/// value and a copy per level; this appends bytes in one pass. The output is the JSON
/// `JSONEncoder()` (default options) writes for the same view — the same members and values,
/// the same string escapes (`\/` included) — with the keys in their declared order, where
/// `JSONEncoder` on Linux writes them in hash order (different in every process). The tests
/// hold the two side by side.
///
/// The bytes go into an `Array` rather than a `ByteBuffer`: a page is some 6 000 small
/// appends, and the array's append (specialised here, checked statically) costs a fraction of
/// the buffer's, whose storage is a class. The finished text is copied once (`buffer`).
///
/// Containers are opened and closed by the caller; `needsComma` is all the state a container
/// needs: it is false right after `{`/`[` and true after any value.
struct JSONWriter {
    private(set) var bytes: [UInt8]
    private var needsComma = false

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far, as one buffer for a response body.
    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }

    /// The text written so far, as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// The key of the next member. Keys are the views' own ASCII names: nothing to escape.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Starts the next element of an array (the element's value follows).
    mutating func element() { separate(); needsComma = false }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { writeEscaped($0) }
        needsComma = true
    }

    mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    /// An id as its hex string (hex digits need no escaping).
    mutating func id(_ id: ObjectId) {
        writeQuoted(count: 24) { id.writeHex(into: $0) }
    }

    /// A date as `WireDate` writes it.
    mutating func date(_ date: Date) {
        guard let millis = WireDate.writableMillis(date) else { return string(WireDate.string(date)) }
        writeQuoted(count: WireDate.length) { WireDate.write(millis: millis, into: $0) }
    }

    mutating func date(_ date: Date?) {
        if let date { self.date(date) } else { null() }
    }

    mutating func integer(_ value: Int) {
        // Digits from the end of a 20-byte scratch (Int.min has 19 digits and a sign).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var magnitude = value.magnitude
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                scratch[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[start...]))
        }
        needsComma = true
    }

    mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
        needsComma = true
    }

    mutating func null() {
        append("null")
        needsComma = true
    }

    /// Convenience for a member: `key` then the value.
    mutating func field(_ name: StaticString, _ text: String) { key(name); string(text) }
    mutating func field(_ name: StaticString, _ text: String?) { key(name); string(text) }
    mutating func field(_ name: StaticString, _ value: Int) { key(name); integer(value) }
    mutating func field(_ name: StaticString, _ value: Int?) { key(name); integer(value) }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: StaticString, _ value: ObjectId) { key(name); id(value) }
    mutating func field(_ name: StaticString, _ value: Date) { key(name); date(value) }
    mutating func field(_ name: StaticString, _ value: Date?) { key(name); date(value) }

    private mutating func open(_ byte: UInt8) {
        bytes.append(byte)
        needsComma = false
    }

    private mutating func close(_ byte: UInt8) {
        bytes.append(byte)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func append(_ text: StaticString) {
        // withUTF8Buffer, not utf8Start: a one-character literal has no pointer representation.
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"` + exactly `count` bytes that `body` fills + `"`: for text known to need no escapes.
    private mutating func writeQuoted(count: Int, _ body: (UnsafeMutableRawBufferPointer) -> Void) {
        withUnsafeTemporaryAllocation(byteCount: count + 2, alignment: 1) { scratch in
            scratch[0] = UInt8(ascii: "\"")
            body(UnsafeMutableRawBufferPointer(rebasing: scratch[1...count]))
            scratch[count + 1] = UInt8(ascii: "\"")
            bytes.append(contentsOf: scratch)
        }
        needsComma = true
    }

    /// Copies runs of plain bytes at once; escapes what `JSONEncoder` escapes: `"`, `\`, `/`
    /// and the control characters (short forms for \b \f \n \r \t, `\u00XX` for the rest).
    /// Other UTF-8 goes through as it is.
    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") else { continue }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "/"): append("\\/")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            default:
                append("\\u00")
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0x0F))
            }
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
