/// Reads a single value (an `ObjectId`, a `Role`, an optional's wrapped value, …).
struct BSONSingleValueDecodingContainer: SingleValueDecodingContainer {
    let value: BSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: String.Type) throws -> String { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try BSONDecoding.unbox(value, as: type, codingPath: codingPath) }
}
