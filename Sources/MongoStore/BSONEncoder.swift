import Foundation
import ParleyCore

/// Encodes `Encodable` values straight into `BSONDocument`s, without a JSON detour, so that
/// ids stay BSON ObjectIds and dates stay BSON datetimes (a JSON round trip would turn both into
/// strings, which the old server's queries would no longer match).
///
/// Rules: `ObjectId` → objectId and `Date` → datetime, whatever their own `Codable` says; `Int`
/// → int32 when it fits, else int64; a nil optional → null (the old Node server stores unset
/// optionals as null, and keeping that shape keeps both servers' queries on `{field: null}`
/// meaning the same).
public struct BSONEncoder: Sendable {
    public init() {}

    /// Encodes a value whose encoded form is a document (a struct or class with keyed fields).
    public func encode<T: Encodable>(_ value: T) throws -> BSONDocument {
        let encoded = try encodeValue(value)
        guard case .document(let document) = encoded else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(
                    codingPath: [], debugDescription: "top-level value encodes as \(encoded.typeName), not a document"))
        }
        return document
    }

    /// Encodes any value, e.g. a `Role` or an array, for use inside a filter or update.
    public func encodeValue<T: Encodable>(_ value: T) throws -> BSONValue {
        try BSONEncoding.box(value, codingPath: [])
    }
}
