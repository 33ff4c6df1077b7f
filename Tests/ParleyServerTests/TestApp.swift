import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ParleyCore
import SocketIO
@testable import ParleyServer

/// Builds a real Parley application on a fresh store (a SQLite file in a temporary folder, or a
/// fresh MongoDB database: see `TestStore`) and talks to it over real HTTP on a loopback port.
enum TestApp {
    /// The access-token secret of the test configuration, for tests that forge tokens.
    static let accessTokenSecret = "test-access-secret-0123456789abcdef"

    static func configuration(folder: URL) -> AppConfiguration {
        AppConfiguration(
            host: "127.0.0.1", port: 0, store: TestStore.location(folder: folder),
            environment: .test, accessTokenSecret: accessTokenSecret,
            refreshTokenSecret: "test-refresh-secret-0123456789abcdef", corsOrigin: "http://localhost:4200",
            uploadDirectory: folder.appendingPathComponent("uploads").path, logLevel: .warning,
            jsonBodyLimit: 64 * 1024,
            // The lowest cost bcrypt allows: still bcrypt, but fast enough for many sign-ins.
            bcryptCost: 4,
            admin: AdminAccount(username: "root", email: "root@example.com", password: "root-password"),
            // Tests run side by side: the PeerJS server is reached on the main port only.
            realtime: RealtimeSettings(peerServerPort: nil),
            // The test HTTP client keeps one connection for the whole test and never reconnects:
            // a busy machine must not see it closed between two requests.
            httpLimits: HTTPConnectionLimits(requestHeadTimeout: .seconds(300), idleTimeout: .seconds(300)))
    }

    /// `logs`, when given, receives everything the app logs at the configured level.
    static func run(
        configure: (inout AppConfiguration) -> Void = { _ in }, events: any EventBus = InProcessEventBus(), logs: LogCapture? = nil,
        logger custom: Logger? = nil, _ body: @Sendable (APIClient) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = configuration(folder: folder)
        configure(&configuration)
        var logger = custom ?? logs?.logger(level: configuration.logLevel) ?? Logger(label: "parley-test")
        logger.logLevel = configuration.logLevel
        do {
            let app = try await ApplicationBuilder.build(configuration: configuration, logger: logger, events: events)
            try await app.test(.live) { client in
                try await body(APIClient(client: client))
            }
        } catch {
            await TestStore.discard(configuration.store)
            throw error
        }
        await TestStore.discard(configuration.store)
    }
}

/// A response with its body parsed as a JSON object where possible.
struct APIResponse: @unchecked Sendable {
    let status: Int
    let headers: HTTPFields
    let text: String
    let json: [String: Any]

    var data: [String: Any] { json["data"] as? [String: Any] ?? [:] }
    var message: String? { json["message"] as? String }
}

/// Thin helpers over the test client: JSON in, parsed JSON out, optional bearer token.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: [String: Any]? = nil,
        rawBody: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> APIResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let rawBody {
            if headers[.contentType] == nil { headers[.contentType] = "application/json" }
            body = ByteBuffer(string: rawBody)
        }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        let text = String(buffer: response.body)
        let parsed = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return APIResponse(status: Int(response.status.code), headers: response.headers, text: text, json: parsed)
    }

    /// Registers an account and returns its id and tokens.
    func register(_ username: String, password: String = "password123") async throws -> Account {
        let response = try await send(
            .post, "/api/auth/register",
            json: ["username": username, "email": "\(username)@example.com", "password": password, "confirmPassword": password])
        guard response.status == 201 else { throw TestFailure("register \(username): \(response.status) \(response.text)") }
        return try Account(response)
    }

    func login(_ identifier: String, password: String) async throws -> APIResponse {
        try await send(.post, "/api/auth/login", json: ["username": identifier, "password": password])
    }

    /// Signs in as the super_admin the test configuration creates at start-up.
    func loginAsRoot() async throws -> Account {
        let response = try await login("root", password: "root-password")
        guard response.status == 200 else { throw TestFailure("root login: \(response.status) \(response.text)") }
        return try Account(response)
    }
}

/// An account signed in during a test.
struct Account: Sendable {
    let id: String
    let accessToken: String
    let refreshToken: String

    init(_ response: APIResponse) throws {
        guard let user = response.data["user"] as? [String: Any], let id = user["_id"] as? String,
            let access = response.data["accessToken"] as? String, let refresh = response.data["refreshToken"] as? String
        else { throw TestFailure("no credentials in \(response.text)") }
        self.id = id
        self.accessToken = access
        self.refreshToken = refresh
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
