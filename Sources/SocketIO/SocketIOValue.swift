import Foundation

/// A Socket.IO argument: JSON plus binary blobs (sent as attachments).
public enum SocketIOValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SocketIOValue])
    case object([String: SocketIOValue])
    case binary(Data)
    /// JSON text encoded elsewhere, written into packets as it is. For large payloads that
    /// are already JSON (a stored message's view), so they are not turned into a value tree
    /// only to be serialized again. Never produced by decoding; holds no binary.
    case json(String)

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [SocketIOValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: [String: SocketIOValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var binaryValue: Data? {
        if case .binary(let value) = self { return value }
        return nil
    }

    public subscript(key: String) -> SocketIOValue? {
        objectValue?[key]
    }

    /// Whether a binary value appears anywhere inside.
    public var containsBinary: Bool {
        switch self {
        case .binary: return true
        case .array(let values): return values.contains { $0.containsBinary }
        case .object(let members): return members.values.contains { $0.containsBinary }
        default: return false
        }
    }
}

extension SocketIOValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: SocketIOValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, SocketIOValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
