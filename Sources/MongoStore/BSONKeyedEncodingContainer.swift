/// Writes a type's fields into a BSON document.
///
/// `encodeIfPresent` is overridden to write null for nil instead of leaving the key out: the old
/// Node server stores unset optionals as null, and documents of both servers should look alike.
struct BSONKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: BSONEncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.set(.null, forKey: key.stringValue) }

    mutating func encode(_ value: Bool, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try store(value, forKey: key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try store(value, forKey: key) }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try storeOrNull(value, forKey: key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try storeOrNull(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.makeChild(forKey: key.stringValue)
        child.becomeKeyed()
        return KeyedEncodingContainer(
            BSONKeyedEncodingContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.makeChild(forKey: key.stringValue)
        child.becomeUnkeyed()
        return BSONUnkeyedEncodingContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = BSONCodingKey(stringValue: "super")
        return BSONValueEncoder(node: node.makeChild(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        BSONValueEncoder(node: node.makeChild(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    private func store<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(try BSONEncoding.box(value, codingPath: codingPath + [key]), forKey: key.stringValue)
    }

    private func storeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return node.set(.null, forKey: key.stringValue) }
        try store(value, forKey: key)
    }
}
