import Foundation
import Testing

@testable import ParleyServer

/// A user holds at most 32 sockets; sockets whose client vanished without closing must not
/// keep them out until the heartbeat gives up on those (ping interval + timeout).
@Suite struct GatewaySocketCapTests {
    /// A short ping interval, so that a vanished client is noticed within a second or two; the
    /// ping timeout stays at a minute, so the heartbeat alone would keep the places taken
    /// far longer than the test waits.
    private static func shortPings(_ configuration: inout AppConfiguration) {
        configuration.realtime.pingInterval = .seconds(1)
        configuration.realtime.pingTimeout = .seconds(60)
    }

    @Test func abandonedPollingSessionsMakeRoomForANewSocket() async throws {
        try await TestApp.run(configure: Self.shortPings) { api in
            let port = try #require(api.client.port)
            let alice = try await api.register("alice")
            for _ in 0..<ChatGateway.maximumSocketsPerUser {
                let answer = try await TestPollingSession.connectAndAbandon(api.client, token: alice.accessToken)
                // The CONNECT reply, among whatever else was queued (broadcast online counts, and a
                // ping when the machine is slow enough for the 1 s interval to pass first).
                let packets = answer.split(separator: "\u{1e}")
                #expect(packets.contains { $0.hasPrefix("40{") && $0.contains("\"sid\":") }, "\(answer)")
            }
            // The 33rd connects once those sessions have missed a ping interval, not 61 s later.
            let socket = try await connectWithin(.seconds(20), port: port, token: alice.accessToken)
            #expect(!socket.closed)
            await socket.close()
        }
    }

    @Test func thirtyTwoLiveSocketsStillRefuseTheThirtyThird() async throws {
        try await TestApp.run(configure: Self.shortPings) { api in
            let port = try #require(api.client.port)
            let alice = try await api.register("alice")
            var sockets: [TestSocket] = []
            for _ in 0..<ChatGateway.maximumSocketsPerUser {
                sockets.append(try await TestSocket.connect(port: port, token: alice.accessToken))
            }
            // Let a few pings go by: live clients answer them and keep their places.
            try await Task.sleep(for: .seconds(3))
            let (extra, outcome) = try await TestSocket.open(port: port, auth: ["token": alice.accessToken])
            guard case .refused(let message) = outcome else { Issue.record("a 33rd live socket was accepted"); return }
            #expect(message == "Too many connections for this user")
            await extra.close()
            #expect(sockets.allSatisfy { !$0.closed && $0.received("disconnect").isEmpty })
            for socket in sockets { await socket.close() }
        }
    }

    /// Tries to connect until the server accepts, up to `limit`.
    private func connectWithin(_ limit: Duration, port: Int, token: String) async throws -> TestSocket {
        let deadline = ContinuousClock.now + limit
        var lastRefusal = ""
        while ContinuousClock.now < deadline {
            let (socket, outcome) = try await TestSocket.open(port: port, auth: ["token": token])
            switch outcome {
            case .connected: return socket
            case .refused(let message): lastRefusal = message
            }
            await socket.close()
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("still refused after \(limit): \(lastRefusal)")
        throw TestSocketError.refused
    }
}
