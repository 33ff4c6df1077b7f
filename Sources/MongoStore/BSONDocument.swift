/// An ordered BSON document. Order matters to MongoDB (sort specifications, index keys, the
/// command name that must come first), so this is a list of pairs rather than a dictionary.
public struct BSONDocument: Sendable, Equatable {
    public private(set) var elements: [(key: String, value: BSONValue)]

    public init() { elements = [] }

    public init(_ elements: [(key: String, value: BSONValue)]) {
        self.elements = elements
    }

    public var keys: [String] { elements.map(\.key) }
    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }

    /// The first value stored under `key`; setting replaces it in place (keeping its position)
    /// or appends, and setting nil removes it.
    public subscript(key: String) -> BSONValue? {
        get { elements.first { $0.key == key }?.value }
        set {
            let index = elements.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): elements[index].value = value
            case (let index?, nil): elements.remove(at: index)
            case (nil, let value?): elements.append((key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    public mutating func append(_ key: String, _ value: BSONValue) {
        elements.append((key: key, value: value))
    }

    public static func == (lhs: BSONDocument, rhs: BSONDocument) -> Bool {
        lhs.elements.count == rhs.elements.count
            && zip(lhs.elements, rhs.elements).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension BSONDocument: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, BSONValue)...) {
        self.elements = elements.map { (key: $0.0, value: $0.1) }
    }
}

extension BSONDocument {
    /// Appends every element of `other`, in order.
    public mutating func append(contentsOf other: BSONDocument) {
        for element in other.elements { append(element.key, element.value) }
    }
}
