import CMongoc
import Foundation
import ParleyCore

/// Appends `BSONDocument` values to a libbson `bson_t` with the append C API.
///
/// Nested documents and arrays use `bson_append_document_begin`/`_end` so they are written in
/// place, without building and copying a separate `bson_t` per level.
enum BSONWriter {
    static func append(_ document: BSONDocument, to bson: OpaquePointer) throws {
        for (key, value) in document.elements {
            try append(value, key: key, to: bson)
        }
    }

    static func append(_ value: BSONValue, key: String, to bson: OpaquePointer) throws {
        // A NUL in a key would silently cut it short in the C string; refuse it instead.
        guard !key.utf8.contains(0) else { throw BSONError.invalidKey(key) }
        let appended: Bool = try key.withCString { cKey in
            switch value {
            case .double(let number):
                return bson_append_double(bson, cKey, -1, number)
            case .string(let text):
                // Pass the byte length so strings holding NUL survive (BSON strings are sized).
                // withCString hands over every byte, embedded NULs included, plus a terminator.
                guard let length = Int32(exactly: text.utf8.count) else { return false }
                return text.withCString { chars in bson_append_utf8(bson, cKey, -1, chars, length) }
            case .document(let nested):
                return try appendNested(key: cKey, to: bson, isArray: false) { child in
                    try append(nested, to: child)
                }
            case .array(let items):
                return try appendNested(key: cKey, to: bson, isArray: true) { child in
                    // BSON arrays are documents whose keys are "0", "1", … in order.
                    for (index, item) in items.enumerated() {
                        try append(item, key: String(index), to: child)
                    }
                }
            case .objectId(let id):
                var oid = bson_oid_t()
                withUnsafeMutableBytes(of: &oid.bytes) { raw in
                    raw.copyBytes(from: id.bytes)
                }
                return bson_append_oid(bson, cKey, -1, &oid)
            case .bool(let flag):
                return bson_append_bool(bson, cKey, -1, flag)
            case .date(let date):
                return bson_append_date_time(bson, cKey, -1, BSONDate.milliseconds(of: date))
            case .null:
                return bson_append_null(bson, cKey, -1)
            case .int32(let number):
                return bson_append_int32(bson, cKey, -1, number)
            case .int64(let number):
                return bson_append_int64(bson, cKey, -1, number)
            }
        }
        guard appended else { throw BSONError.appendFailed(key: key) }
    }

    /// Begins a child document or array, lets `body` fill it, then ends it. The child is ended
    /// even when `body` throws: until then libbson keeps the parent locked against appends.
    private static func appendNested(
        key: UnsafePointer<CChar>,
        to parent: OpaquePointer,
        isArray: Bool,
        _ body: (OpaquePointer) throws -> Void
    ) throws -> Bool {
        try NativeBSONStorage.with { child in
            let began =
                isArray
                ? bson_append_array_begin(parent, key, -1, child)
                : bson_append_document_begin(parent, key, -1, child)
            guard began else { return false }
            var failure: (any Error)?
            do { try body(child) } catch { failure = error }
            let ended = isArray ? bson_append_array_end(parent, child) : bson_append_document_end(parent, child)
            if let failure { throw failure }
            return ended
        }
    }
}
