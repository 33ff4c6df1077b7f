import Foundation
import Testing

/// A revoked session's access tokens stop working at once, not when they expire.
@Suite("Revoked sessions over HTTP")
struct SessionRevocationTests {
    private func expectRefused(_ api: APIClient, _ token: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let response = try await api.send(.get, "/api/auth/me", token: token)
        #expect(response.status == 401, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.message == "Invalid or expired token", sourceLocation: sourceLocation)
    }

    private func expectAccepted(_ api: APIClient, _ token: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        #expect(try await api.send(.get, "/api/auth/me", token: token).status == 200, sourceLocation: sourceLocation)
    }

    @Test func logoutRefusesThatSessionsAccessTokenOnly() async throws {
        try await TestApp.run { api in
            let laptop = try await api.register("alice")
            let phone = try Account(try await api.login("alice", password: "password123"))
            #expect(try await api.send(.post, "/api/auth/logout", token: laptop.accessToken, json: ["refreshToken": laptop.refreshToken]).status == 200)
            try await expectRefused(api, laptop.accessToken)
            try await expectAccepted(api, phone.accessToken)
        }
    }

    @Test func signingOutOtherSessionsOrOneSessionRefusesTheirAccessTokens() async throws {
        try await TestApp.run { api in
            let laptop = try await api.register("alice")
            let phone = try Account(try await api.login("alice", password: "password123"))
            let tablet = try Account(try await api.login("alice", password: "password123"))
            // Used once, so the session is known live before it is revoked.
            try await expectAccepted(api, phone.accessToken)

            let sessions = try await api.send(.get, "/api/client/sessions", token: laptop.accessToken)
            let list = try #require(sessions.json["data"] as? [[String: Any]])
            let phoneSession = try #require(try TestJWT.payload(of: phone.accessToken)["sid"] as? String)
            #expect(list.contains { $0["_id"] as? String == phoneSession })
            #expect(try await api.send(.delete, "/api/client/sessions/\(phoneSession)", token: laptop.accessToken).status == 200)
            try await expectRefused(api, phone.accessToken)
            try await expectAccepted(api, tablet.accessToken)

            #expect(try await api.send(.delete, "/api/client/sessions/others", token: laptop.accessToken).status == 200)
            try await expectRefused(api, tablet.accessToken)
            try await expectAccepted(api, laptop.accessToken)
        }
    }

    @Test func aPasswordChangeRefusesOtherSessionsAndKeepsTheCallers() async throws {
        try await TestApp.run { api in
            let laptop = try await api.register("frank", password: "old-password")
            let phone = try Account(try await api.login("frank", password: "old-password"))
            try await expectAccepted(api, phone.accessToken)
            let changed = try await api.send(
                .put, "/api/auth/change-password", token: laptop.accessToken,
                json: ["currentPassword": "old-password", "newPassword": "new-password"])
            #expect(changed.status == 200)
            try await expectRefused(api, phone.accessToken)
            #expect(try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": phone.refreshToken]).status == 401)
            // The client that changed the password keeps working with what it holds.
            try await expectAccepted(api, laptop.accessToken)
            #expect(try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": laptop.refreshToken]).status == 200)
            try await expectAccepted(api, try Account(changed).accessToken)
        }
    }
}
