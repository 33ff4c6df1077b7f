import Foundation
import ParleyCore

/// Turns one Encodable value into a `BSONValue`; shared by every encoding container so that the
/// special cases (ObjectId, Date, URL, integer width) apply at every depth.
enum BSONEncoding {
    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> BSONValue {
        if let special = try boxSpecial(value, codingPath: codingPath) { return special }
        let node = BSONEncodingNode()
        try value.encode(to: BSONValueEncoder(node: node, codingPath: codingPath))
        return node.resolved
    }

    /// Types whose BSON form differs from what their own `encode(to:)` would produce, plus the
    /// primitives (so generic code that encodes a `T` which happens to be `Int` gets the same
    /// width rules as the concrete overloads).
    private static func boxSpecial<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> BSONValue? {
        switch value {
        case let id as ObjectId: return .objectId(id)
        case let date as Date: return .date(date)
        case let url as URL: return .string(url.absoluteString)
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Double: return .double(number)
        case let number as Float: return .double(Double(number))
        case let number as Int: return .int(number)
        case let number as Int8: return .int32(Int32(number))
        case let number as Int16: return .int32(Int32(number))
        case let number as Int32: return .int32(number)
        case let number as Int64: return .int64(number)
        case let number as UInt8: return .int32(Int32(number))
        case let number as UInt16: return .int32(Int32(number))
        case let number as UInt32: return try integer(number, codingPath: codingPath)
        case let number as UInt: return try integer(number, codingPath: codingPath)
        case let number as UInt64: return try integer(number, codingPath: codingPath)
        default: return nil
        }
    }

    /// BSON integers are signed 64-bit at most; larger unsigned values cannot be stored exactly.
    static func integer<I: BinaryInteger>(_ value: I, codingPath: [any CodingKey]) throws -> BSONValue {
        if let small = Int32(exactly: value) { return .int32(small) }
        if let large = Int64(exactly: value) { return .int64(large) }
        throw EncodingError.invalidValue(
            value, EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) does not fit in a BSON int64"))
    }
}
