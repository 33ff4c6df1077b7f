import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ParleyCore

/// Signed-in actors, shared by the cases and flows of one run so each actor signs in once.
final class ActorTokens: @unchecked Sendable {
    // Only touched from the one task that runs the cases in order.
    var byKey: [String: (token: String, id: String)] = [:]
}

/// The state of one case or flow, as in runner/fixtures.mjs: captures, the unique suffix, and
/// how to send a step's request and check its expectations over real HTTP.
final class FixtureSession {
    let catalog: FixtureCatalog
    let client: any TestClientProtocol
    let tokens: ActorTokens
    var captures: [String: JSONValue] = [:]
    let unique = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36) + String(UInt32.random(in: 0...UInt32.max), radix: 36)

    init(catalog: FixtureCatalog, client: any TestClientProtocol, tokens: ActorTokens) {
        self.catalog = catalog
        self.client = client
        self.tokens = tokens
    }

    func actor(_ key: String) async throws -> (token: String, id: String) {
        guard let actor = catalog.actors[key] else { throw FixtureError("unknown actor \(key)") }
        if actor["forged"] == .bool(true) {
            return (actor["token"]?.string ?? "", actor["claims"]?["userId"]?.string ?? "")
        }
        if let known = tokens.byKey[key] { return known }
        let login: JSONValue = .object(["username": actor["username"] ?? .null, "password": actor["password"] ?? .null])
        let (status, body, text) = try await send(method: "POST", path: "/api/auth/login", headers: ["content-type": "application/json"], body: try JSONEncoder().encode(login))
        guard status == 200, let token = body?["data"]?["accessToken"]?.string, let id = body?["data"]?["user"]?["_id"]?.string else {
            throw FixtureError("login as \(key): \(status) \(text)")
        }
        tokens.byKey[key] = (token, id)
        return (token, id)
    }

    func lookup(_ name: String) async throws -> JSONValue {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var found: JSONValue?
        switch parts[0] {
        case "unique": found = .string(unique)
        case "const": found = parts.count == 2 ? catalog.manifest["constants"]?[parts[1]] : nil
        case "capture": found = captures[parts.dropFirst().joined(separator: ".")]
        case "actor" where parts.count >= 3:
            let actor = try await actor(parts[1..<(parts.count - 1)].joined(separator: "."))
            found = parts.last == "token" ? .string(actor.token) : parts.last == "id" ? .string(actor.id) : nil
        case "seed" where parts.count >= 4 && parts.last == "_id":
            found = catalog.seedIds[parts[1]]?[parts[2..<(parts.count - 1)].joined(separator: ".")].map(JSONValue.string)
        default: found = nil
        }
        guard let found else { throw FixtureError("unresolved placeholder {{\(name)}}") }
        return found
    }

    /// Placeholders replaced throughout; a string that is one placeholder becomes its value.
    func resolve(_ value: JSONValue) async throws -> JSONValue {
        switch value {
        case .string(let text):
            if text.hasPrefix("{{"), text.hasSuffix("}}"), text.dropFirst(2).range(of: "{{") == nil {
                return try await lookup(String(text.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces))
            }
            var out = ""
            var rest = Substring(text)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                out += rest[..<open.lowerBound]
                let found = try await lookup(String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces))
                out += found.string ?? found.compactText
                rest = rest[close.upperBound...]
            }
            return .string(out + rest)
        case .array(let items):
            var resolved: [JSONValue] = []
            for item in items { resolved.append(try await resolve(item)) }
            return .array(resolved)
        case .object(let object):
            var resolved: [String: JSONValue] = [:]
            for (key, item) in object { resolved[key] = try await resolve(item) }
            return .object(resolved)
        default:
            return value
        }
    }

    /// Sends one step and checks it; returns the failures (none: it passed). Captures are taken
    /// only from a step that passed.
    func run(_ step: JSONValue, defaultActor: String?) async throws -> [String] {
        guard let rawRequest = step["request"] else { throw FixtureError("a step without request") }
        let request = try await resolve(rawRequest)
        let method = request["method"]?.string ?? "GET"
        var path = request["path"]?.string ?? "/"
        if case .object(let query) = request["query"] {
            var components = URLComponents()
            components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value.string ?? $0.value.compactText) }
            // URLComponents leaves `+` as it is, which servers read as a space; encode it as
            // Node's URLSearchParams does, so both runners send the same query.
            let encoded = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B") ?? ""
            path += (path.contains("?") ? "&" : "?") + encoded
        }
        var headers: [String: String] = [:]
        if case .object(let given) = request["headers"] {
            for (name, value) in given { headers[name.lowercased()] = value.string ?? value.compactText }
        }
        let actorKey = step["as"]?.string ?? defaultActor ?? "anonymous"
        if actorKey != "anonymous", headers["authorization"] == nil {
            headers["authorization"] = "Bearer \(try await actor(actorKey).token)"
        }
        var body: Data?
        if let json = request["json"] {
            headers["content-type"] = "application/json"
            body = try JSONEncoder().encode(json)
        } else if let raw = request["raw"]?.string {
            body = Data(raw.utf8)
        }
        let (status, parsed, text) = try await send(method: method, path: path, headers: headers, body: body)

        var failures: [String] = []
        let expect = step["expect"] ?? .object([:])
        if let wanted = expect["status"]?.number, Double(status) != wanted { failures.append("status \(status), expected \(Int(wanted))") }
        if let envelope = expect["envelope"]?.string, let problem = FixtureAssertion.envelopeProblem(envelope, parsed) {
            failures.append(problem)
        }
        for assertion in expect["json"]?.array ?? [] {
            var value: JSONValue?
            if let raw = assertion["value"] { value = try await resolve(raw) }
            if let problem = try FixtureAssertion.problem(
                path: assertion["path"]?.string ?? "$", op: assertion["op"]?.string ?? "", value: value, in: parsed)
            {
                failures.append(problem)
            }
        }
        if failures.isEmpty, case .object(let wanted) = step["capture"] {
            for (name, capturePath) in wanted {
                if let value = try parsed?.value(at: capturePath.string ?? "$") { captures[name] = value } else {
                    failures.append("capture \(name): nothing at \(capturePath.string ?? "")")
                }
            }
        }
        return failures.map { "\(method) \(path): \($0) (status \(status), body \(text.prefix(300)))" }
    }

    private func send(method: String, path: String, headers: [String: String], body: Data?) async throws -> (Int, JSONValue?, String) {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let field = HTTPField.Name(name) else { throw FixtureError("bad header name \(name)") }
            fields[field] = value
        }
        let response = try await client.execute(
            uri: path, method: HTTPRequest.Method(method) ?? .get, headers: fields, body: body.map { ByteBuffer(bytes: $0) })
        let text = String(buffer: response.body)
        return (Int(response.status.code), try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), text)
    }
}
