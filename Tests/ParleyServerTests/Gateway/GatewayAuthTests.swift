import Foundation
import HTTPTypes
import Testing

@testable import ParleyServer

@Suite struct GatewayAuthTests {
    @Test func refusalsUseTheThreeOriginalMessages() async throws {
        try await TestApp.run { api in
            let port = try #require(api.client.port)
            let account = try await api.register("sockuser")

            let (noToken, missing) = try await TestSocket.open(port: port, auth: [:])
            guard case .refused(let message) = missing else { Issue.record("accepted without a token"); return }
            #expect(message == "Authentication error: No token provided")
            await noToken.close()

            let (forged, invalid) = try await TestSocket.open(port: port, auth: ["token": "not.a.jwt"])
            guard case .refused(let message) = invalid else { Issue.record("accepted a forged token"); return }
            #expect(message == "Authentication error: Invalid token")
            await forged.close()

            // A refresh token is not a credential for sockets (the old server let it in).
            let (refresh, refused) = try await TestSocket.open(port: port, auth: ["token": account.refreshToken])
            guard case .refused(let message) = refused else { Issue.record("accepted a refresh token"); return }
            #expect(message == "Authentication error: Invalid token")
            await refresh.close()

            let root = try await api.loginAsRoot()
            let deactivated = try await api.send(.delete, "/api/users/\(account.id)", token: root.accessToken)
            #expect(deactivated.status == 200)
            let (inactive, gone) = try await TestSocket.open(port: port, auth: ["token": account.accessToken])
            guard case .refused(let message) = gone else { Issue.record("accepted a deactivated user"); return }
            #expect(message == "Authentication error: User not found or inactive")
            await inactive.close()
        }
    }

    @Test func theAuthorizationHeaderIsAcceptedWhenAuthCarriesNoToken() async throws {
        try await TestApp.run { api in
            let port = try #require(api.client.port)
            let account = try await api.register("headeruser")
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(account.accessToken)"
            let (socket, outcome) = try await TestSocket.open(port: port, auth: nil, headers: headers)
            guard case .connected = outcome else { Issue.record("refused: \(outcome)"); return }
            // The first thing a new socket hears is how many users are online.
            let count = try await socket.next("online_users_count")
            #expect(count.payload["count"] as? Int == 1)
            await socket.close()
        }
    }

    @Test func deactivatingAnAccountDisconnectsItsSockets() async throws {
        try await TestApp.run { api in
            let port = try #require(api.client.port)
            let account = try await api.register("soontobegone")
            let socket = try await TestSocket.connect(port: port, token: account.accessToken)
            let root = try await api.loginAsRoot()
            #expect(try await api.send(.delete, "/api/users/\(account.id)", token: root.accessToken).status == 200)
            _ = try await socket.next("disconnect")
            await socket.close()
        }
    }
}
