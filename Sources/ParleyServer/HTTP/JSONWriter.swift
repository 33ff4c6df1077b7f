import NIOCore

/// Writes JSON text straight into a `ByteBuffer`, for the views every busy request answers
/// with (a history page is 50 messages of ~25 fields). `JSONEncoder` builds a container per
/// value and a copy per level; this appends bytes in one pass. The output is the JSON
/// `JSONEncoder()` (default options) writes for the same view — the same members and values,
/// the same string escapes (`\/` included) — with the keys in their declared order, where
/// `JSONEncoder` on Linux writes them in hash order (different in every process). The tests
/// hold the two side by side.
///
/// Containers are opened and closed by the caller; `needsComma` is all the state a container
/// needs: it is false right after `{`/`[` and true after any value.
struct JSONWriter {
    private(set) var buffer: ByteBuffer
    private var needsComma = false

    init(capacity: Int = 1024) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// The key of the next member. Keys are the views' own ASCII names: nothing to escape.
    mutating func key(_ name: StaticString) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(name)
        buffer.writeStaticString("\":")
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

    mutating func integer(_ value: Int) {
        buffer.writeString(String(value))
        needsComma = true
    }

    mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    mutating func bool(_ value: Bool) {
        buffer.writeStaticString(value ? "true" : "false")
        needsComma = true
    }

    mutating func null() {
        buffer.writeStaticString("null")
        needsComma = true
    }

    /// Convenience for a member: `key` then the value.
    mutating func field(_ name: StaticString, _ text: String) { key(name); string(text) }
    mutating func field(_ name: StaticString, _ text: String?) { key(name); string(text) }
    mutating func field(_ name: StaticString, _ value: Int) { key(name); integer(value) }
    mutating func field(_ name: StaticString, _ value: Int?) { key(name); integer(value) }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }

    private mutating func open(_ byte: UInt8) {
        buffer.writeInteger(byte)
        needsComma = false
    }

    private mutating func close(_ byte: UInt8) {
        buffer.writeInteger(byte)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { buffer.writeInteger(UInt8(ascii: ",")) }
    }

    /// Copies runs of plain bytes at once; escapes what `JSONEncoder` escapes: `"`, `\`, `/`
    /// and the control characters (short forms for \b \f \n \r \t, `\u00XX` for the rest).
    /// Other UTF-8 goes through as it is.
    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") else { continue }
            if runStart < index { buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))) }
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "/"): buffer.writeStaticString("\\/")
            case 0x08: buffer.writeStaticString("\\b")
            case 0x0C: buffer.writeStaticString("\\f")
            case 0x0A: buffer.writeStaticString("\\n")
            case 0x0D: buffer.writeStaticString("\\r")
            case 0x09: buffer.writeStaticString("\\t")
            default:
                buffer.writeStaticString("\\u00")
                buffer.writeInteger(Self.hexDigits[Int(byte >> 4)])
                buffer.writeInteger(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        if runStart < utf8.count { buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[runStart...]))) }
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
