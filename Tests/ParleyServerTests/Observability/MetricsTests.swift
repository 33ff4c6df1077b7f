import Foundation
import Testing

@testable import ParleyServer

/// `GET /metrics` after real traffic: the counters a dashboard would plot move, by route
/// pattern (never by raw path), and the token guards the endpoint when set.
@Suite("Prometheus metrics")
struct MetricsTests {
    @Test func httpLoginStoreAndSocketCountersMoveAfterTraffic() async throws {
        try await TestApp.run(configure: { $0.loginThrottle = .init(failuresPerAccount: 2) }) { api in
            let before = try await Scrape.fetch(api)
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let alice = try await gateway.connect(world.member)
            let bob = try await gateway.connect(world.spare)
            let channel = gateway.target.extraChannelId
            let ack = try await alice.request("send_message", ["channelId": channel, "text": "counted"])
            #expect(ack["success"] as? Bool == true)
            _ = try await bob.next("new_message")
            try alice.emit("no_such_event_\(UUID().uuidString)")
            let history = try await api.send(.get, "/api/messages/channel/\(channel)", token: world.spare.accessToken)
            #expect(history.status == 200)
            for _ in 0..<3 { _ = try await api.login("member", password: "wrong-password") }

            let after = try await Scrape.fetch(api)
            let login = ["route": "/api/auth/login", "method": "POST"]
            #expect(after.value("http_requests_total", login.merging(["status": "401"]) { $1 }) == 2)
            #expect(after.value("http_requests_total", login.merging(["status": "429"]) { $1 }) == 1)
            #expect(after.value("http_request_duration_seconds_count", login) >= 3)
            // The route pattern, not the path: the channel id appears in no label.
            let historyRoute = try #require(
                after.series.first { $0.name == "http_requests_total" && $0.labels["route"]?.hasPrefix("/api/messages/channel/") == true })
            #expect(historyRoute.labels["route"]?.contains(channel) == false)
            #expect(!after.text.contains(channel))

            #expect(after.value("auth_login_failures_total") - before.value("auth_login_failures_total") == 2)
            #expect(after.value("auth_login_throttled_total") - before.value("auth_login_throttled_total") == 1)
            // scripts/test-mongo runs this suite on MongoDB too.
            let engine = TestStore.mongoURL == nil ? "sqlite" : "mongodb"
            #expect(after.value("store_call_duration_seconds_count", ["engine": engine, "operation": "users.find(login:)"]) >= 3)
            #expect(after.value("store_call_duration_seconds_count", ["engine": engine, "operation": "messages.insert(_:)"]) >= 1)

            #expect(after.value("socketio_events_received_total", ["event": "send_message"]) == 1)
            // A client-chosen name is not a label of its own.
            try await waitUntil { try await Scrape.fetch(api).value("socketio_events_received_total", ["event": "unhandled"]) >= 1 }
            #expect(!after.text.contains("no_such_event"))
            #expect(after.value("socketio_events_emitted_total", ["event": "new_message"]) >= 1)
            #expect(after.value("socketio_fanout_deliveries_total") >= 2)
            #expect(after.value("engineio_sessions_open", ["transport": "websocket"]) == 2)

            await alice.close()
            await bob.close()
            try await waitUntil { try await Scrape.fetch(api).value("engineio_sessions_open", ["transport": "websocket"]) == 0 }
        }
    }

    @Test func anAbandonedPollingSessionIsCountedOpenThenDroppedAsASlowConsumer() async throws {
        try await TestApp.run(configure: { $0.realtime.maxQueuedPackets = 16 }) { api in
            let gateway = try await GatewayWorld.make(api)
            _ = try await TestPollingSession.connectAndAbandon(api.client, token: gateway.world.spare.accessToken)
            #expect(try await Scrape.fetch(api).value("engineio_sessions_open", ["transport": "polling"]) == 1)
            #expect(try await Scrape.fetch(api).value("socketio_slow_consumers_dropped_total") == 0)

            // Nobody reads the session's queue: broadcasts fill it until the server drops it.
            for index in 0..<20 {
                _ = try await gateway.post(gateway.world.member, channel: gateway.target.extraChannelId, text: "unread \(index)")
            }
            try await waitUntil { try await Scrape.fetch(api).value("socketio_slow_consumers_dropped_total") == 1 }
            let after = try await Scrape.fetch(api)
            #expect(after.value("engineio_sessions_open", ["transport": "polling"]) == 0)
            #expect(after.value("socketio_fanout_deliveries_total") >= 16)
        }
    }

    @Test func uploadBytesCountWhatWasStored() async throws {
        try await UploadTestApp.run { api, _ in
            let alice = try await api.register("alice")
            let (response, sent) = try await api.uploadImage(
                "/api/upload/image", field: "image", token: alice.accessToken, format: "png", width: 64, height: 48)
            #expect(response.status == 200)
            let scrape = try await Scrape.fetch(api)
            #expect(scrape.value("upload_bytes_total", ["kind": "image"]) == Double(sent.count))
            #expect(scrape.value("http_requests_total", ["route": "/api/upload/image", "status": "200"]) == 1)
        }
    }

    @Test func theTokenGuardsTheEndpointWhenSet() async throws {
        try await TestApp.run(configure: { $0.metricsToken = "scrape-secret-1234" }) { api in
            let missing = try await api.send(.get, "/metrics")
            #expect(missing.status == 401)
            #expect(missing.json["success"] as? Bool == false)
            #expect(missing.json["code"] as? String != nil)
            #expect(!missing.text.contains("http_requests_total"))
            #expect(try await api.send(.get, "/metrics", token: "scrape-secret-123").status == 401)
            #expect(try await api.send(.get, "/metrics", token: "scrape-secret-12345").status == 401)

            let allowed = try await api.send(.get, "/metrics", token: "scrape-secret-1234")
            #expect(allowed.status == 200)
            #expect(allowed.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            // The refused scrapes were counted like any request.
            #expect(Scrape(allowed.text).value("http_requests_total", ["route": "/metrics", "status": "401"]) == 3)
        }
    }

    /// Two applications in one process keep separate counts (no global registry).
    @Test func eachApplicationCountsOnlyItsOwnRequests() async throws {
        try await TestApp.run { first in
            for _ in 0..<3 { _ = try await first.send(.get, "/api") }
            try await TestApp.run { second in
                _ = try await second.send(.get, "/api")
                #expect(try await Scrape.fetch(second).value("http_requests_total", ["route": "/api"]) == 1)
            }
            #expect(try await Scrape.fetch(first).value("http_requests_total", ["route": "/api"]) == 3)
        }
    }

    private func waitUntil(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestFailure("condition not met within \(timeout)")
    }
}
