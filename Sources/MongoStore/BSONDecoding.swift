import Foundation
import ParleyCore

/// Turns one `BSONValue` into a Decodable value; shared by every decoding container so the
/// special cases and the integer rules apply at every depth.
enum BSONDecoding {
    static func unbox<T: Decodable>(_ value: BSONValue, as type: T.Type, codingPath: [any CodingKey]) throws -> T {
        if let special = try unboxSpecial(value, as: type, codingPath: codingPath) { return special }
        return try T(from: BSONValueDecoder(value: value, codingPath: codingPath))
    }

    /// ObjectId, Date and URL are read from their BSON form, not through their own `Codable`;
    /// primitives are handled here too so generic code decoding a `T` that is `Int` follows the
    /// same rules as the concrete container methods.
    private static func unboxSpecial<T>(_ value: BSONValue, as type: T.Type, codingPath: [any CodingKey]) throws -> T? {
        let result: Any
        switch type {
        case is ObjectId.Type: result = try objectId(value, codingPath: codingPath)
        case is Date.Type: result = try date(value, codingPath: codingPath)
        case is URL.Type: result = try url(value, codingPath: codingPath)
        case is String.Type: result = try string(value, codingPath: codingPath)
        case is Bool.Type: result = try bool(value, codingPath: codingPath)
        case is Double.Type: result = try double(value, codingPath: codingPath)
        case is Float.Type: result = Float(try double(value, codingPath: codingPath))
        case is Int.Type: result = try integer(value, as: Int.self, codingPath: codingPath)
        case is Int8.Type: result = try integer(value, as: Int8.self, codingPath: codingPath)
        case is Int16.Type: result = try integer(value, as: Int16.self, codingPath: codingPath)
        case is Int32.Type: result = try integer(value, as: Int32.self, codingPath: codingPath)
        case is Int64.Type: result = try integer(value, as: Int64.self, codingPath: codingPath)
        case is UInt.Type: result = try integer(value, as: UInt.self, codingPath: codingPath)
        case is UInt8.Type: result = try integer(value, as: UInt8.self, codingPath: codingPath)
        case is UInt16.Type: result = try integer(value, as: UInt16.self, codingPath: codingPath)
        case is UInt32.Type: result = try integer(value, as: UInt32.self, codingPath: codingPath)
        case is UInt64.Type: result = try integer(value, as: UInt64.self, codingPath: codingPath)
        default: return nil
        }
        guard let typed = result as? T else { throw mismatch(T.self, value, codingPath) }
        return typed
    }

    static func objectId(_ value: BSONValue, codingPath: [any CodingKey]) throws -> ObjectId {
        guard case .objectId(let id) = value else { throw mismatch(ObjectId.self, value, codingPath) }
        return id
    }

    static func date(_ value: BSONValue, codingPath: [any CodingKey]) throws -> Date {
        guard case .date(let date) = value else { throw mismatch(Date.self, value, codingPath) }
        return date
    }

    static func url(_ value: BSONValue, codingPath: [any CodingKey]) throws -> URL {
        let text = try string(value, codingPath: codingPath)
        guard let url = URL(string: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not a URL: \(text)"))
        }
        return url
    }

    static func string(_ value: BSONValue, codingPath: [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, value, codingPath) }
        return text
    }

    static func bool(_ value: BSONValue, codingPath: [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, value, codingPath) }
        return flag
    }

    static func double(_ value: BSONValue, codingPath: [any CodingKey]) throws -> Double {
        let result: Double?
        switch value {
        case .double(let number): result = number
        case .int32(let number): result = Double(number)
        case .int64(let number): result = Double(exactly: number)
        default: throw mismatch(Double.self, value, codingPath)
        }
        guard let result else { throw inexact(Double.self, value, codingPath) }
        return result
    }

    /// Accepts any BSON number that converts to `I` without loss; the Node driver writes small
    /// whole numbers as int32 and JavaScript arithmetic can leave them as doubles.
    static func integer<I: FixedWidthInteger>(_ value: BSONValue, as type: I.Type, codingPath: [any CodingKey]) throws -> I {
        let result: I?
        switch value {
        case .int32(let number): result = I(exactly: number)
        case .int64(let number): result = I(exactly: number)
        case .double(let number): result = I(exactly: number)
        default: throw mismatch(I.self, value, codingPath)
        }
        guard let result else { throw inexact(I.self, value, codingPath) }
        return result
    }

    /// Null where a value is required is "value not found", anything else a type mismatch —
    /// the same split JSONDecoder makes, so callers can tell the two apart.
    static func mismatch(_ type: Any.Type, _ value: BSONValue, _ codingPath: [any CodingKey]) -> DecodingError {
        if value == .null {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "expected \(type), found null"))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(type), found \(value.typeName)"))
    }

    private static func inexact(_ type: Any.Type, _ value: BSONValue, _ codingPath: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(value) does not fit \(type) exactly"))
    }
}
