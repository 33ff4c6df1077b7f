import Foundation
import Testing

@testable import ParleyServer

/// `/health/live` answers while the process does; `/health/ready` only while the store does.
@Suite("Health probes")
struct HealthProbeTests {
    @Test func liveAndReadyWithAWorkingStore() async throws {
        try await TestApp.run { api in
            let live = try await api.send(.get, "/health/live")
            #expect(live.status == 200)
            #expect(live.json["status"] as? String == "OK")
            let ready = try await api.send(.get, "/health/ready")
            #expect(ready.status == 200)
            #expect(ready.json["status"] as? String == "OK")
            #expect((ready.json["checks"] as? [String: String])?["store"] == "ok")
            #expect((ready.json["failed"] as? [String])?.isEmpty == true)
            // `/health` keeps its answer.
            let health = try await api.send(.get, "/health")
            #expect(health.status == 200)
            #expect(health.json["message"] as? String == "Chat System Backend is running")
        }
    }

    @Test func notReadyButLiveWhenTheStoreIsUnreachable() async throws {
        try await TestApp.run(configure: { $0.store = .mongodb(url: StoreFailureAnswerTests.unreachable) }) { api in
            let ready = try await api.send(.get, "/health/ready")
            #expect(ready.status == 503)
            #expect(ready.json["status"] as? String == "error")
            #expect(ready.json["failed"] as? [String] == ["store"])
            #expect((ready.json["checks"] as? [String: String])?["store"] != "ok")
            #expect(try await api.send(.get, "/health/live").status == 200)
        }
    }

    /// A store that hangs (accepts, never answers) must not hold the probe past its limit.
    @Test func aHangingStoreMakesReadyAnswer503InTime() async throws {
        let silent = try SilentListener()
        let url = "mongodb://127.0.0.1:\(silent.port)/parley_silent?serverSelectionTimeoutMS=5000&connectTimeoutMS=5000"
        try await TestApp.run(configure: {
            $0.store = .mongodb(url: url)
            $0.admin = nil
        }) { api in
            let start = ContinuousClock.now
            let ready = try await api.send(.get, "/health/ready")
            #expect(ContinuousClock.now - start < .seconds(4))
            #expect(ready.status == 503)
            #expect(ready.json["failed"] as? [String] == ["store"])
            #expect((ready.json["checks"] as? [String: String])?["store"]?.contains("no answer within") == true)
        }
        withExtendedLifetime(silent) {}
    }
}
