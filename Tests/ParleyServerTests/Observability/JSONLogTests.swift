import Foundation
import HTTPTypes
import Testing

@testable import ParleyServer

/// `LOG_FORMAT=json`: one parseable object per line, carrying the request id (echoed in
/// `X-Request-Id`), route, status, duration and user; errors logged once with the id.
@Suite("Structured logs")
struct JSONLogTests {
    static let requestID = HTTPField.Name("X-Request-Id")!

    @Test func requestLinesAreJSONWithIdRouteStatusDurationAndUser() async throws {
        let capture = LineCapture()
        try await TestApp.run(configure: { $0.logLevel = .info }, logger: capture.logger(level: .info)) { api in
            let alice = try await api.register("alice")
            let own = try await api.send(.get, "/api/auth/me", token: alice.accessToken, headers: [Self.requestID: "trace-abc.123"])
            #expect(own.status == 200)
            #expect(own.headers[Self.requestID] == "trace-abc.123")

            let line = try await capture.first { $0["message"] as? String == "request" && $0["request_id"] as? String == "trace-abc.123" }
            #expect(line["level"] as? String == "info")
            #expect(line["route"] as? String == "/api/auth/me")
            #expect(line["status"] as? Int == 200)
            #expect(line["duration_ms"] is Double || line["duration_ms"] is Int)
            #expect(line["user_id"] as? String == alice.id)
            #expect((line["time"] as? String)?.contains("T") == true)

            // An id a client should not put in logs is replaced by a generated one.
            let hostile = try await api.send(.get, "/api/nowhere", headers: [Self.requestID: "evil\"\n{}"])
            #expect(hostile.status == 404)
            let generated = try #require(hostile.headers[Self.requestID])
            #expect(generated != "evil\"\n{}" && !generated.isEmpty)
            let missing = try await capture.first { $0["request_id"] as? String == generated && $0["message"] as? String == "request" }
            #expect(missing["status"] as? Int == 404)
            // Not the raw path: unmatched requests share one bounded label.
            #expect(missing["route"] as? String != nil && missing["route"] as? String != "/api/nowhere")
            #expect(missing["user_id"] == nil)
        }
        // Every line is one JSON object.
        #expect(!capture.lines.isEmpty)
        #expect(capture.objects.count == capture.lines.count)
        #expect(capture.lines.allSatisfy { $0.hasSuffix("}\n") && $0.dropLast().firstIndex(of: "\n") == nil })
    }

    @Test func aStoreOutageIsLoggedOnceWithTheRequestId() async throws {
        let capture = LineCapture()
        try await TestApp.run(
            configure: {
                $0.store = .mongodb(url: StoreFailureAnswerTests.unreachable)
                $0.admin = nil
                $0.logLevel = .info
            }, logger: capture.logger(level: .info)
        ) { api in
            let login = try await api.send(
                .post, "/api/auth/login", json: ["username": "someone", "password": "whatever1"], headers: [Self.requestID: "outage-1"])
            #expect(login.status == 503)
            _ = try await capture.first { $0["message"] as? String == "request" && $0["request_id"] as? String == "outage-1" }
            let errors = capture.objects.filter { $0["level"] as? String == "error" && $0["request_id"] as? String == "outage-1" }
            #expect(errors.count == 1)
            #expect(errors.first?["message"] as? String == "store unavailable")
        }
    }

    @Test func logFormatIsReadFromTheEnvironment() throws {
        let base = ["PARLEY_ENV": "test", "JWT_SECRET": "a", "JWT_REFRESH_SECRET": "b"]
        #expect(try AppConfiguration.load(from: base).logFormat == .text)
        #expect(try AppConfiguration.load(from: base.merging(["LOG_FORMAT": "JSON"]) { $1 }).logFormat == .json)
        #expect(try AppConfiguration.load(from: base.merging(["METRICS_TOKEN": "t0ken"]) { $1 }).metricsToken == "t0ken")
        #expect(try AppConfiguration.load(from: base).metricsToken == nil)
        #expect(throws: ConfigurationError.self) { try AppConfiguration.load(from: base.merging(["LOG_FORMAT": "xml"]) { $1 }) }
    }
}
