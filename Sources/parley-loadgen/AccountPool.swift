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
    static func signIn(baseURL: String, prefix: String, password: String, count: Int, concurrency: Int = 16) async throws -> [LoadAccount] {
        try await withThrowingTaskGroup(of: (Int, LoadAccount).self) { group in
            var accounts = [LoadAccount?](repeating: nil, count: count)
            var next = 0
            func add() {
                let index = next
                next += 1
                group.addTask { (index, try await account(baseURL: baseURL, username: "\(prefix)\(index)", password: password)) }
            }
            for _ in 0..<min(concurrency, count) { add() }
            while let (index, account) = try await group.next() {
                accounts[index] = account
                if next < count { add() }
            }
            return accounts.compactMap { $0 }
        }
    }

    static func account(baseURL: String, username: String, password: String) async throws -> LoadAccount {
        let register: [String: Any] = [
            "username": username, "email": "\(username)@loadgen.example.com", "password": password, "confirmPassword": password,
        ]
        var (status, body) = try await post(baseURL + "/api/auth/register", register)
        if status == 409 || status == 400 {
            (status, body) = try await post(baseURL + "/api/auth/login", ["username": username, "password": password])
        }
        guard status == 200 || status == 201, let data = body["data"] as? [String: Any], let token = data["accessToken"] as? String,
            let user = data["user"] as? [String: Any], let id = user["_id"] as? String
        else { throw LoadgenError("could not sign in \(username): HTTP \(status) \(body)") }
        return LoadAccount(id: id, username: username, token: token)
    }

    static func post(_ url: String, _ json: [String: Any], token: String? = nil) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
    }
}

struct LoadgenError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
