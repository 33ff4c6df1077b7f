/// The `Decoder` handed to a value's `init(from:)`; it reads one `BSONValue`.
struct BSONValueDecoder: Decoder {
    let value: BSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .document(let document) = value else {
            throw BSONDecoding.mismatch(BSONDocument.self, value, codingPath)
        }
        return KeyedDecodingContainer(BSONKeyedDecodingContainer<Key>(document: document, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw BSONDecoding.mismatch([BSONValue].self, value, codingPath)
        }
        return BSONUnkeyedDecodingContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        BSONSingleValueDecodingContainer(value: value, codingPath: codingPath)
    }
}
