import Foundation
import Testing

@testable import ParleyServer

/// A revoked session loses its sockets at once, and its token no longer opens one.
@Suite struct GatewaySessionRevocationTests {
    @Test func aPasswordChangeDisconnectsOtherDevicesButNotTheChangersSocket() async throws {
        try await TestApp.run { api in
            let port = try #require(api.client.port)
            let laptop = try await api.register("alice", password: "old-password")
            let phone = try Account(try await api.login("alice", password: "old-password"))
            let laptopSocket = try await TestSocket.connect(port: port, token: laptop.accessToken)
            let phoneSocket = try await TestSocket.connect(port: port, token: phone.accessToken)

            let changed = try await api.send(
                .put, "/api/auth/change-password", token: laptop.accessToken,
                json: ["currentPassword": "old-password", "newPassword": "new-password"])
            #expect(changed.status == 200)
            _ = try await phoneSocket.next("disconnect")
            let (retry, outcome) = try await TestSocket.open(port: port, auth: ["token": phone.accessToken])
            guard case .refused(let message) = outcome else { Issue.record("a revoked session's token opened a socket"); return }
            #expect(message == "Authentication error: Invalid token")
            await retry.close()

            // The changer's socket stays, and their token still opens sockets.
            #expect(laptopSocket.received("disconnect").isEmpty && !laptopSocket.closed)
            let another = try await TestSocket.connect(port: port, token: laptop.accessToken)
            #expect(laptopSocket.received("disconnect").isEmpty)
            for socket in [laptopSocket, phoneSocket, another] { await socket.close() }
        }
    }

    @Test func logoutAndSigningOutOtherSessionsDisconnectTheirSockets() async throws {
        try await TestApp.run { api in
            let port = try #require(api.client.port)
            let laptop = try await api.register("bob")
            let phone = try Account(try await api.login("bob", password: "password123"))
            let tablet = try Account(try await api.login("bob", password: "password123"))
            let laptopSocket = try await TestSocket.connect(port: port, token: laptop.accessToken)
            let phoneSocket = try await TestSocket.connect(port: port, token: phone.accessToken)
            let tabletSocket = try await TestSocket.connect(port: port, token: tablet.accessToken)

            #expect(try await api.send(.post, "/api/auth/logout", token: phone.accessToken, json: ["refreshToken": phone.refreshToken]).status == 200)
            _ = try await phoneSocket.next("disconnect")
            #expect(tabletSocket.received("disconnect").isEmpty)

            #expect(try await api.send(.delete, "/api/client/sessions/others", token: laptop.accessToken).status == 200)
            _ = try await tabletSocket.next("disconnect")
            let (retry, outcome) = try await TestSocket.open(port: port, auth: ["token": tablet.accessToken])
            guard case .refused = outcome else { Issue.record("a revoked session's token opened a socket"); return }
            #expect(laptopSocket.received("disconnect").isEmpty)
            for socket in [laptopSocket, phoneSocket, tabletSocket, retry] { await socket.close() }
        }
    }
}
