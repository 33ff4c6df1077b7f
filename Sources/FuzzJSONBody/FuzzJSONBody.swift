import Foundation
import ParleyCore
import ParleyServer

/// One input is a REST request body.
///
/// Invariants: the body parses or answers a 400-class `DomainError`; every typed accessor,
/// on every key at every depth, returns a value consistent with the field or throws a
/// `DomainError`; a parsed body encodes and parses back to the same fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body: JSONBody
    do {
        body = try JSONBody.parse(Data(bytes: data, count: size))
    } catch {
        precondition(error is DomainError, "parse failed with \(error)")
        return 0
    }
    checkAccessors(body, depth: 0)
    checkRoundTrip(body)
    return 0
}

private func checkAccessors(_ body: JSONBody, depth: Int) {
    for key in body.fields.keys {
        expectDomainError { if let value = try body.int(key) { precondition(body.fields[key] == .number(Double(value))) } }
        expectDomainError { _ = try body.nullableInt(key) }
        expectDomainError { _ = try body.string(key) }
        expectDomainError {
            guard let value = try body.trimmedString(key) else { return }
            precondition(!value.isEmpty && value == value.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        expectDomainError { _ = try body.nullableString(key) }
        expectDomainError { _ = try body.bool(key) }
        expectDomainError { _ = try body.stringArray(key) }
        expectDomainError { _ = try body.nullableStringArray(key) }
        expectDomainError {
            guard let id = try body.objectId(key, thing: "fuzz") else { return }
            precondition(ObjectId(id.hexString) == id, "an id does not survive its own text")
        }
        expectDomainError { _ = try body.objectIds(key, thing: "fuzz") }
        expectDomainError {
            // Nested objects (channel settings, updates) are read with the same accessors.
            if depth < 4, let nested = try body.object(key) { checkAccessors(JSONBody(fields: nested), depth: depth + 1) }
        }
    }
}

private func expectDomainError(_ read: () throws -> Void) {
    do {
        try read()
    } catch {
        precondition(error is DomainError, "an accessor failed with \(error)")
    }
}

private func checkRoundTrip(_ body: JSONBody) {
    // JSON has no NaN or infinity; a number beyond a double's range is refused on encoding.
    guard let encoded = try? JSONEncoder().encode(JSONValue.object(body.fields)) else { return }
    guard let again = try? JSONBody.parse(encoded) else { preconditionFailure("an encoded body does not parse") }
    precondition(again.fields == body.fields, "encode → parse changed the body")
}
