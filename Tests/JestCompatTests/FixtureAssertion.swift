import Foundation
import ParleyCore

/// The checks of a step's `expect`: status, envelope shorthand and assertions, each failure a
/// readable line. The same rules as `assertionProblem` in runner/fixtures.mjs.
enum FixtureAssertion {
    static func envelopeProblem(_ kind: String, _ body: JSONValue?) -> String? {
        let body = body ?? .object([:])
        let success = body["success"]
        let passes: Bool
        switch kind {
        case "success": passes = success == .bool(true) && body["data"] != nil
        case "successExact":
            if case .object(let keys) = body { passes = success == .bool(true) && body["data"] != nil && keys.count == 2 } else { passes = false }
        case "error": passes = success == .bool(false) && body["message"]?.string != nil
        case "gateError": passes = body["status"] == .string("error") && body["message"]?.string != nil
        default: return "unknown envelope \(kind)"
        }
        return passes ? nil : "envelope is not \(kind)"
    }

    static func problem(path: String, op: String, value: JSONValue?, in body: JSONValue?) throws -> String? {
        let actual = try body?.value(at: path)
        func fail(_ what: String) -> String { "\(path) \(what) (got \(actual?.compactText ?? "nothing"))" }
        let expected = value ?? .null
        switch op {
        case "exists": return actual != nil ? nil : fail("is missing")
        case "absent": return actual == nil ? nil : fail("should be absent")
        case "equals", "deepEquals": return actual == expected ? nil : fail("is not \(expected.compactText)")
        case "subset": return actual?.matches(subset: expected) == true ? nil : fail("does not contain \(expected.compactText)")
        case "contains":
            switch actual {
            case .string(let text): return text.contains(expected.string ?? "\u{0}") ? nil : fail("does not contain \(expected.compactText)")
            case .array(let items): return items.contains { $0.matches(subset: expected) } ? nil : fail("has no element \(expected.compactText)")
            default: return fail("is neither a string nor an array")
            }
        case "startsWith":
            return actual?.string?.hasPrefix(expected.string ?? "\u{0}") == true ? nil : fail("does not start with \(expected.compactText)")
        case "matches":
            guard let text = actual?.string, let pattern = expected.string else { return fail("is not a string") }
            return text.range(of: pattern, options: .regularExpression) != nil ? nil : fail("does not match /\(pattern)/")
        case "type": return actual?.fixtureType == expected.string ? nil : fail("is not of type \(expected.compactText)")
        case "length", "minLength":
            let count: Int? = actual?.array?.count ?? actual?.string.map { $0.utf16.count }
            guard let count, let wanted = expected.number else { return fail("has no length") }
            let passes = op == "length" ? Double(count) == wanted : Double(count) >= wanted
            return passes ? nil : fail(op == "length" ? "does not have length \(Int(wanted))" : "is shorter than \(Int(wanted))")
        case "gte", "lte":
            guard let number = actual?.number, let bound = expected.number else { return fail("is not a number") }
            return (op == "gte" ? number >= bound : number <= bound) ? nil : fail("is not \(op == "gte" ? ">=" : "<=") \(bound)")
        case "oneOf": return expected.array?.contains { $0 == actual } == true ? nil : fail("is not one of \(expected.compactText)")
        default: return "unknown op \(op)"
        }
    }
}
