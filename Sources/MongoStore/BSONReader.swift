import CMongoc
import Foundation
import ParleyCore

/// Reads a libbson `bson_t` into a `BSONDocument` with the iterator C API.
///
/// Values of BSON types that Parley never writes (binary, decimal128, regex, timestamp, …) are
/// skipped: a database shared with another program may hold them in fields no model reads, and
/// such a field must not make the whole document unreadable. A model that does need the field
/// then fails to decode with a clear "missing key" error. Structural damage, on the other hand,
/// always throws.
enum BSONReader {
    /// `bson` is a `const bson_t *` (opaque in Swift, see `NativeBSONStorage`).
    static func document(from bson: OpaquePointer) throws -> BSONDocument {
        // The iterator alone cannot tell "end of document" from "corrupt element" (the offset
        // it records is in a field Swift cannot see), so the whole document is checked first;
        // after that every element is known to be well-formed.
        var errorOffset = 0
        guard bson_validate(bson, BSON_VALIDATE_NONE, &errorOffset) else {
            throw BSONError.malformed("corrupt element at byte \(errorOffset)")
        }
        return try NativeBSONStorage.with { iterator in
            guard bson_iter_init(iterator, bson) else {
                throw BSONError.malformed("document header is invalid")
            }
            return try readDocument(iterator)
        }
    }

    /// Reads raw BSON bytes (as found on the wire or in a file). Throws on any malformed input.
    static func document(fromBytes bytes: [UInt8]) throws -> BSONDocument {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count >= 5 else {
                throw BSONError.malformed("shorter than an empty document")
            }
            return try NativeBSONStorage.with { bson in
                // bson_init_static checks the length prefix against the buffer size.
                guard bson_init_static(bson, base, buffer.count) else {
                    throw BSONError.malformed("length prefix does not match the bytes")
                }
                defer { bson_destroy(bson) }
                return try document(from: bson)
            }
        }
    }

    private static func readDocument(_ iterator: OpaquePointer) throws -> BSONDocument {
        var document = BSONDocument()
        while bson_iter_next(iterator) {
            let key = String(cString: bson_iter_key(iterator))
            if let value = try readValue(iterator, key: key) { document.append(key, value) }
        }
        return document
    }

    private static func readArray(_ iterator: OpaquePointer) throws -> [BSONValue] {
        var items = [BSONValue]()
        while bson_iter_next(iterator) {
            // Array keys ("0", "1", …) carry no information beyond the order.
            let key = String(cString: bson_iter_key(iterator))
            if let value = try readValue(iterator, key: key) { items.append(value) }
        }
        return items
    }

    private static func readValue(_ iterator: OpaquePointer, key: String) throws -> BSONValue? {
        let type = bson_iter_type(iterator)
        switch type {
        case BSON_TYPE_DOUBLE:
            return .double(bson_iter_double(iterator))
        case BSON_TYPE_UTF8:
            var length: UInt32 = 0
            guard let chars = bson_iter_utf8(iterator, &length) else { throw BSONError.invalidUTF8(key: key) }
            let bytes = UnsafeRawBufferPointer(start: chars, count: Int(length))
            guard let text = String(bytes: bytes, encoding: .utf8) else { throw BSONError.invalidUTF8(key: key) }
            return .string(text)
        case BSON_TYPE_DOCUMENT, BSON_TYPE_ARRAY:
            return try NativeBSONStorage.with { child in
                guard bson_iter_recurse(iterator, child) else {
                    throw BSONError.malformed("nested value under \"\(key)\" is invalid")
                }
                return type == BSON_TYPE_ARRAY ? .array(try readArray(child)) : .document(try readDocument(child))
            }
        case BSON_TYPE_OID:
            guard let oid = bson_iter_oid(iterator),
                let id = ObjectId(bytes: withUnsafeBytes(of: oid.pointee.bytes) { Array($0) })
            else { throw BSONError.malformed("bad ObjectId under \"\(key)\"") }
            return .objectId(id)
        case BSON_TYPE_BOOL:
            return .bool(bson_iter_bool(iterator))
        case BSON_TYPE_DATE_TIME:
            return .date(BSONDate.date(milliseconds: bson_iter_date_time(iterator)))
        case BSON_TYPE_NULL, BSON_TYPE_UNDEFINED:
            // `undefined` is deprecated; old shells wrote it where they meant "no value".
            return .null
        case BSON_TYPE_INT32:
            return .int32(bson_iter_int32(iterator))
        case BSON_TYPE_INT64:
            return .int64(bson_iter_int64(iterator))
        default:
            return nil
        }
    }
}
