import Foundation
import ParleyCore

/// Reading fixture JSON: member and index access, scalars, and the `$.a.0.b` paths of the
/// assertion vocabulary (jest-compat-fixtures/README.md).
extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The value at `$`, `$.data.user._id` or `$.data.groups.0.name`; nil when there is none.
    func value(at path: String) throws -> JSONValue? {
        guard path != "$" else { return self }
        guard path.hasPrefix("$.") else { throw FixtureError("path must start with $: \(path)") }
        var current: JSONValue? = self
        for part in path.dropFirst(2).split(separator: ".", omittingEmptySubsequences: false) {
            switch current {
            case .object(let object): current = object[String(part)]
            case .array(let items): current = Int(part).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    /// The assertion type names: string, number, boolean, object, array, null.
    var fixtureType: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// `expected` is a partial match of this value: objects by the keys `expected` gives,
    /// everything else by equality.
    func matches(subset expected: JSONValue) -> Bool {
        guard case .object(let wanted) = expected else { return self == expected }
        guard case .object(let actual) = self else { return false }
        return wanted.allSatisfy { key, value in actual[key]?.matches(subset: value) ?? false }
    }

    var compactText: String {
        guard let data = try? JSONEncoder().encode(self) else { return "?" }
        return String(decoding: data.prefix(300), as: UTF8.self)
    }
}
