import Foundation
import HTTPTypes
import NIOCore
import Testing

@Suite("HTTP plumbing")
struct HTTPPlumbingTests {
    @Test func malformedJSONIsA400InTheErrorEnvelope() async throws {
        try await TestApp.run { api in
            let response = try await api.send(.post, "/api/auth/register", rawBody: "invalid json")
            #expect(response.status == 400)
            #expect(response.json["success"] as? Bool == false)
            #expect(response.json["status"] as? String == "error")
            #expect(response.json["code"] as? String == "VALIDATION_ERROR")
            #expect(response.message == "Malformed JSON in request body")
            let array = try await api.send(.post, "/api/auth/login", rawBody: "[1,2]")
            #expect(array.status == 400)
        }
    }

    @Test func jsonRoutesRefuseBodiesUnderOtherContentTypesWith415() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            let login = #"{"username":"alice","password":"password123"}"#
            // What a cross-site HTML form can send without a preflight, and a body with no type at all.
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", nil] {
                var headers = HTTPFields()
                if let type { headers[.contentType] = type }
                let response = try await api.client.execute(uri: "/api/auth/login", method: .post, headers: headers, body: ByteBuffer(string: login))
                let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                #expect(response.status.code == 415, "\(type ?? "no type")")
                #expect(json["success"] as? Bool == false)
                #expect(json["status"] as? String == "error")
                #expect(json["code"] as? String == "UNSUPPORTED_MEDIA_TYPE")
                #expect(json["message"] as? String == "Content-Type must be application/json")
            }
            var form = HTTPFields()
            form[.contentType] = "text/plain"
            let put = try await api.send(.put, "/api/client/settings", token: alice.accessToken, rawBody: #"{"settings":{"a":1}}"#, headers: form)
            #expect(put.status == 415)
            // JSON types with parameters or a +json suffix are JSON.
            for type in ["application/json; charset=utf-8", "Application/JSON", "application/vnd.api+json"] {
                var headers = HTTPFields()
                headers[.contentType] = type
                #expect(try await api.send(.post, "/api/auth/login", rawBody: login, headers: headers).status == 200, "\(type)")
            }
            // A request without a body needs no type.
            let logout = try await api.client.execute(uri: "/api/auth/logout", method: .post, headers: [.authorization: "Bearer \(alice.accessToken)"], body: nil)
            #expect(logout.status.code == 200)
        }
    }

    @Test func unknownRoutesAnswer404WithTheOriginalMessageEvenWithoutAToken() async throws {
        try await TestApp.run { api in
            let response = try await api.send(.get, "/api/users/search/deeper/path?x=1")
            #expect(response.status == 404)
            #expect(response.message == "Route /api/users/search/deeper/path?x=1 not found on this server!")
            #expect(response.json["success"] as? Bool == false)
            let outside = try await api.send(.get, "/nowhere")
            #expect(outside.status == 404)
        }
    }

    @Test func invalidIdsAnswer400() async throws {
        try await TestApp.run { api in
            let root = try await api.loginAsRoot()
            for (method, path) in [(HTTPRequest.Method.get, "/api/users/invalid-id"), (.put, "/api/users/123"), (.delete, "/api/users/zzzzzzzzzzzzzzzzzzzzzzzz")] {
                let response = try await api.send(method, path, token: root.accessToken, json: [:])
                #expect(response.status == 400)
                #expect(response.message == "Invalid user id")
            }
        }
    }

    @Test func bodiesOverTheLimitAnswer413() async throws {
        try await TestApp.run { api in
            let huge = String(repeating: "x", count: 100 * 1024)
            let response = try await api.send(.post, "/api/auth/register", json: ["username": huge, "email": "a@b.co", "password": "password123"])
            #expect(response.status == 413)
            #expect(response.message == "Request body is larger than the limit of 65536 bytes")
        }
    }

    @Test func healthChecksTheStoreAndApiListsEndpoints() async throws {
        try await TestApp.run { api in
            let health = try await api.send(.get, "/health")
            #expect(health.status == 200)
            #expect(health.json["status"] as? String == "OK")
            #expect(health.json["environment"] as? String == "test")
            #expect((health.json["database"] as? [String: Any])?["status"] as? String == "connected")
            let timestamp = try #require(health.json["timestamp"] as? String)
            #expect(timestamp.hasSuffix("Z") && timestamp.count == 24)

            let index = try await api.send(.get, "/api")
            #expect(index.json["message"] as? String == "Chat System API")
            #expect((index.json["endpoints"] as? [String: String])?["auth"] == "/api/auth")
        }
    }

    @Test func securityAndCORSHeadersAreSentOnSuccessAndError() async throws {
        try await TestApp.run { api in
            let origin: HTTPFields = [.origin: "http://localhost:4200"]
            for path in ["/health", "/api/auth/me"] {
                let response = try await api.send(.get, path, headers: origin)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.accessControlAllowOrigin] == "http://localhost:4200")
                #expect(response.headers[.accessControlAllowCredentials] == "true")
            }
            let preflight = try await api.send(
                .options, "/api/auth/login",
                headers: [.origin: "http://localhost:4200", .accessControlRequestMethod: "POST"])
            #expect(preflight.status == 204)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("PUT") == true)
        }
    }
}
