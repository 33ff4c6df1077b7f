/// Writes array elements. Arrays of optionals keep their nils as null elements.
struct BSONUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let node: BSONEncodingNode
    let codingPath: [any CodingKey]

    var count: Int { node.unkeyedCount }

    mutating func encodeNil() throws { node.append(.null) }

    mutating func encode(_ value: Bool) throws { try store(value) }
    mutating func encode(_ value: String) throws { try store(value) }
    mutating func encode(_ value: Double) throws { try store(value) }
    mutating func encode(_ value: Float) throws { try store(value) }
    mutating func encode(_ value: Int) throws { try store(value) }
    mutating func encode(_ value: Int8) throws { try store(value) }
    mutating func encode(_ value: Int16) throws { try store(value) }
    mutating func encode(_ value: Int32) throws { try store(value) }
    mutating func encode(_ value: Int64) throws { try store(value) }
    mutating func encode(_ value: UInt) throws { try store(value) }
    mutating func encode(_ value: UInt8) throws { try store(value) }
    mutating func encode(_ value: UInt16) throws { try store(value) }
    mutating func encode(_ value: UInt32) throws { try store(value) }
    mutating func encode(_ value: UInt64) throws { try store(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [BSONCodingKey(index: count)]
        let child = node.appendChild()
        child.becomeKeyed()
        return KeyedEncodingContainer(BSONKeyedEncodingContainer<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [BSONCodingKey(index: count)]
        let child = node.appendChild()
        child.becomeUnkeyed()
        return BSONUnkeyedEncodingContainer(node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [BSONCodingKey(index: count)]
        return BSONValueEncoder(node: node.appendChild(), codingPath: path)
    }

    private func store<T: Encodable>(_ value: T) throws {
        node.append(try BSONEncoding.box(value, codingPath: codingPath + [BSONCodingKey(index: count)]))
    }
}
