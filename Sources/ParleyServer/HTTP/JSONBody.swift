import Foundation
import Hummingbird
import NIOCore
import ParleyCore

/// A request's JSON object with typed, validating accessors. A field of the wrong type is a 400
/// naming the field; a missing field is nil so that each endpoint words its own "required" rule.
public struct JSONBody: Sendable {
    public let fields: [String: JSONValue]

    public init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    /// Reads the body (bounded by the context's limit) and parses it. An empty body is an empty
    /// object, as for the old server's clients that post without a body.
    public static func read(_ request: Request, limit: Int) async throws -> JSONBody {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw DomainError.payloadTooLarge("Request body is larger than the limit of \(limit) bytes")
        }
        if buffer.readableBytes == 0 { return JSONBody(fields: [:]) }
        // A body under any other type could come from a cross-site form (text/plain,
        // urlencoded and multipart need no CORS preflight): it never reaches a JSON route.
        guard isJSON(contentType: request.headers[.contentType]) else {
            throw DomainError.unsupportedMediaType("Content-Type must be application/json")
        }
        return try parse(Data(buffer.readableBytesView))
    }

    /// Parses a whole body (the part of `read` after the bytes arrived; the fuzz target's entry).
    public static func parse(_ data: Data) throws -> JSONBody {
        if data.isEmpty { return JSONBody(fields: [:]) }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw DomainError.validation("Malformed JSON in request body")
        }
        guard case .object(let fields) = value else {
            throw DomainError.validation("Request body must be a JSON object")
        }
        return JSONBody(fields: fields)
    }

    /// `application/json` or `application/<anything>+json`, with any parameters
    /// (`; charset=utf-8`), case-insensitively.
    static func isJSON(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let type = mediaType.trimmingWhitespace.lowercased()
        guard type.hasPrefix("application/") else { return false }
        let subtype = type.dropFirst("application/".count)
        return subtype == "json" || (subtype.hasSuffix("+json") && subtype.count > "+json".count && !subtype.contains("/"))
    }

    public func has(_ key: String) -> Bool { fields[key] != nil }

    /// A string field; nil when absent or null.
    public func string(_ key: String) throws -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other?: throw Self.wrongType(key, expected: "a string", got: other)
        }
    }

    /// A string field trimmed of surrounding white space; nil when absent, null or blank.
    public func trimmedString(_ key: String) throws -> String? {
        guard let value = try string(key)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// For nullable fields: `.some(nil)` when the client sent null (clear it), nil when absent.
    public func nullableString(_ key: String) throws -> String?? {
        switch fields[key] {
        case nil: return nil
        case .null?: return .some(nil)
        case .string(let value)?: return .some(value)
        case let other?: throw Self.wrongType(key, expected: "a string or null", got: other)
        }
    }

    public func bool(_ key: String) throws -> Bool? {
        switch fields[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?: throw Self.wrongType(key, expected: "a boolean", got: other)
        }
    }

    public func stringArray(_ key: String) throws -> [String]? {
        switch fields[key] {
        case nil, .null?: return nil
        case .array(let values)?:
            return try values.map { element in
                guard case .string(let text) = element else {
                    throw Self.wrongType(key, expected: "an array of strings", got: element)
                }
                return text
            }
        case let other?: throw Self.wrongType(key, expected: "an array of strings", got: other)
        }
    }

    /// A whole-number field; nil when absent or null. Fractions and numbers beyond ±10^15 (past
    /// what a double holds exactly, and what any field means) are refused, never truncated.
    public func int(_ key: String) throws -> Int? {
        switch fields[key] {
        case nil, .null?: return nil
        case let other?:
            guard case .number(let value) = other, let whole = Int(exactly: value), whole.magnitude < 1_000_000_000_000_000
            else { throw Self.wrongType(key, expected: "a whole number", got: other) }
            return whole
        }
    }

    public func nullableInt(_ key: String) throws -> Int?? {
        if case .null? = fields[key] { return .some(nil) }
        return try int(key).map { .some($0) }
    }

    public func nullableStringArray(_ key: String) throws -> [String]?? {
        if case .null? = fields[key] { return .some(nil) }
        return try stringArray(key).map { .some($0) }
    }

    /// An id field: nil when absent; 400 "Invalid <thing> id" when present but malformed.
    public func objectId(_ key: String, thing: String) throws -> ObjectId? {
        guard let text = try trimmedString(key) else { return nil }
        guard let id = ObjectId(text) else { throw DomainError.invalidId(thing) }
        return id
    }

    /// An array of ids; 400 when any element is not an id.
    public func objectIds(_ key: String, thing: String) throws -> [ObjectId]? {
        try stringArray(key)?.map { text in
            guard let id = ObjectId(text) else { throw DomainError.invalidId(thing) }
            return id
        }
    }

    /// A nested object field.
    public func object(_ key: String) throws -> [String: JSONValue]? {
        switch fields[key] {
        case nil, .null?: return nil
        case .object(let value)?: return value
        case let other?: throw Self.wrongType(key, expected: "an object", got: other)
        }
    }

    private static func wrongType(_ key: String, expected: String, got: JSONValue) -> DomainError {
        let message = "\(key) must be \(expected)"
        return .validation(message, fields: [FieldError(field: key, message: message)])
    }
}
