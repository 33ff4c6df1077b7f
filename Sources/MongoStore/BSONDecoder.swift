/// Decodes `Decodable` values straight from `BSONDocument`s.
///
/// Every mismatch throws a `DecodingError` (never traps): stored data may have been written by
/// another program. Integers accept int32, int64 or a whole double when the value fits the
/// target type exactly; `ObjectId` needs a BSON objectId and `Date` a BSON datetime.
public struct BSONDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from document: BSONDocument) throws -> T {
        try BSONDecoding.unbox(.document(document), as: type, codingPath: [])
    }

    public func decode<T: Decodable>(_ type: T.Type, fromValue value: BSONValue) throws -> T {
        try BSONDecoding.unbox(value, as: type, codingPath: [])
    }
}
