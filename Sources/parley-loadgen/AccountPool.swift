import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Signed-in load users: registers `<prefix><n>` (or signs in when it exists already) and
/// keeps each access token.
struct LoadAccount: Sendable {
    let id: String
    let username: String
    let token: String
}

enum AccountPool {
    static func signIn(baseURL: String, prefix: String, password: String, count: Int, offset: Int = 0, concurrency: Int = 16) async throws -> [LoadAccount] {
        try await Concurrently.map(count, concurrency: concurrency) { index in
            try await account(baseURL: baseURL, username: "\(prefix)\(offset + index)", password: password)
        }
    }

    /// The users of seed-sample-data's volume world, `bench_user_000001` onwards (user `i` of
    /// the world is account `i`, so it is in group `i % groups`).
    static func signInSeeded(baseURL: String, count: Int, offset: Int = 0, concurrency: Int = 16) async throws -> [LoadAccount] {
        try await Concurrently.map(count, concurrency: concurrency) { index in
            try await login(baseURL: baseURL, username: seededUsername(offset + index), password: seededPassword)
        }
    }

    static let seededPassword = "password123"

    static func seededUsername(_ index: Int) -> String {
        "bench_user_" + String(format: "%06d", index + 1)
    }

    static func login(baseURL: String, username: String, password: String) async throws -> LoadAccount {
        let (status, body) = try await post(baseURL + "/api/auth/login", ["username": username, "password": password])
        return try loadAccount(username: username, status: status, body: body)
    }

    private static func loadAccount(username: String, status: Int, body: [String: Any]) throws -> LoadAccount {
        guard status == 200 || status == 201, let data = body["data"] as? [String: Any], let token = data["accessToken"] as? String,
            let user = data["user"] as? [String: Any], let id = user["_id"] as? String
        else { throw LoadgenError("could not sign in \(username): HTTP \(status) \(body)") }
        return LoadAccount(id: id, username: username, token: token)
    }

    static func account(baseURL: String, username: String, password: String) async throws -> LoadAccount {
        let register: [String: Any] = [
            "username": username, "email": "\(username)@loadgen.example.com", "password": password, "confirmPassword": password,
        ]
        var (status, body) = try await post(baseURL + "/api/auth/register", register)
        if status == 409 || status == 400 {
            (status, body) = try await post(baseURL + "/api/auth/login", ["username": username, "password": password])
        }
        return try loadAccount(username: username, status: status, body: body)
    }

    static func post(_ url: String, _ json: [String: Any], token: String? = nil) async throws -> (Int, [String: Any]) {
        try await send("POST", url, json, token: token)
    }

    static func get(_ url: String, token: String) async throws -> (Int, [String: Any]) {
        try await send("GET", url, nil, token: token)
    }

    private static func send(_ method: String, _ url: String, _ json: [String: Any]?, token: String?) async throws -> (Int, [String: Any]) {
        guard let address = URL(string: url) else { throw LoadgenError("bad URL \(url)") }
        var request = URLRequest(url: address)
        request.httpMethod = method
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
    }
}

struct LoadgenError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
