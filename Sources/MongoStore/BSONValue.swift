import Foundation
import ParleyCore

/// One BSON value of the kinds Parley reads and writes.
///
/// The set is deliberately small: these are the types the models map to. Values of other BSON
/// types found in a shared database are skipped when a document is read (see `BSONReader`).
public enum BSONValue: Sendable, Equatable {
    case double(Double)
    case string(String)
    case document(BSONDocument)
    case array([BSONValue])
    case objectId(ObjectId)
    case bool(Bool)
    /// A BSON datetime: milliseconds since 1970, so anything finer than a millisecond is lost.
    case date(Date)
    case null
    case int32(Int32)
    case int64(Int64)

    /// The smallest integer type that holds `value`. Old data written by the Node driver holds
    /// int32 for small numbers, so writing the same keeps documents looking alike.
    public static func int(_ value: Int) -> BSONValue {
        if let small = Int32(exactly: value) { return .int32(small) }
        return .int64(Int64(value))
    }

    /// A name for error messages ("string", "int32", …).
    public var typeName: String {
        switch self {
        case .double: return "double"
        case .string: return "string"
        case .document: return "document"
        case .array: return "array"
        case .objectId: return "objectId"
        case .bool: return "bool"
        case .date: return "date"
        case .null: return "null"
        case .int32: return "int32"
        case .int64: return "int64"
        }
    }

    /// The value as an `Int` when it is a whole number of any numeric type; nil otherwise.
    /// Used for counts in server replies, which come back as int32 or int64 depending on size.
    public var intValue: Int? {
        switch self {
        case .int32(let value): return Int(value)
        case .int64(let value): return Int(exactly: value)
        case .double(let value): return Int(exactly: value)
        default: return nil
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var documentValue: BSONDocument? {
        if case .document(let value) = self { return value }
        return nil
    }

    public var arrayValue: [BSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}

// Literals keep the filter and update builders readable: `["isActive": false]`.
extension BSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: BSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, BSONValue)...) {
        self = .document(BSONDocument(elements.map { (key: $0.0, value: $0.1) }))
    }
    public init(nilLiteral: ()) { self = .null }
}
