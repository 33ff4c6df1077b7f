/// Reads array elements in order. The index moves only past elements that decoded, as with
/// JSONDecoder, so a caller may retry a failed element as another type.
struct BSONUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let items: [BSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(items: [BSONValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func decodeNil() throws -> Bool {
        guard try current(Never.self) == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try BSONValueDecoder(value: current(BSONDocument.self), codingPath: path).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try BSONValueDecoder(value: current([BSONValue].self), codingPath: path).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = BSONValueDecoder(value: try current(BSONValue.self), codingPath: path)
        currentIndex += 1
        return decoder
    }

    private var path: [any CodingKey] { codingPath + [BSONCodingKey(index: currentIndex)] }

    private func current(_ expected: Any.Type) throws -> BSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                expected, .init(codingPath: path, debugDescription: "array has only \(items.count) elements"))
        }
        return items[currentIndex]
    }

    private mutating func next<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try BSONDecoding.unbox(current(type), as: type, codingPath: path)
        currentIndex += 1
        return value
    }
}
