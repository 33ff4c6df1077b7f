import Foundation

extension SocketIOValue: Decodable {
    /// Decodes plain JSON (no binary). Used through `JSONDecoder`, a real JSON parser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SocketIOValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SocketIOValue].self))
        }
    }

    /// Parses JSON text. Throws on anything that is not exactly one JSON value.
    public static func parse(json: Substring) throws -> SocketIOValue {
        try JSONDecoder().decode(SocketIOValue.self, from: Data(json.utf8))
    }

    /// Serializes as compact JSON (`JSON.stringify` style; object keys sorted so output is
    /// stable). Binary values must have been replaced by placeholders first; if one is left
    /// it is written as `null`.
    public var jsonString: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null, .binary:
            out += "null"
        case .bool(let value):
            out += value ? "true" : "false"
        case .number(let value):
            Self.writeNumber(value, to: &out)
        case .string(let value):
            Self.writeString(value, to: &out)
        case .json(let text):
            out += text
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                members[key]?.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeNumber(_ value: Double, to out: inout String) {
        guard value.isFinite else {
            out += "null"  // what JSON.stringify does with NaN and Infinity
            return
        }
        // Whole numbers within 2^53 print without a fraction, as JavaScript prints them
        // (`Int64(exactly:)` also turns -0 into 0, like `JSON.stringify`).
        if let whole = Int64(exactly: value), whole.magnitude < 9_007_199_254_740_992 {
            out += String(whole)
        } else {
            out += "\(value)"
        }
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
