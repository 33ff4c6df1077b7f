import Foundation
import Testing

@Suite("Access tokens name HS256 and their session")
struct TokenHeaderTests {
    @Test func aHeaderNamingAnotherAlgorithmIsRefusedOverAValidHS256Signature() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            let claims = try TestJWT.payload(of: alice.accessToken)
            // The same claims under a correct header pass: the forging itself is sound.
            let genuine = try TestJWT.sign(claims)
            #expect(try await api.send(.get, "/api/auth/me", token: genuine).status == 200)
            for alg in ["RS256", "ES256", "none", "HS512", "hs256"] {
                let forged = try TestJWT.sign(header: ["alg": alg, "typ": "JWT"], payload: claims)
                let response = try await api.send(.get, "/api/auth/me", token: forged)
                #expect(response.status == 401, "alg \(alg) accepted")
                #expect(response.message == "Invalid or expired token")
            }
            let noAlgorithm = try TestJWT.sign(header: ["typ": "JWT"], payload: claims)
            #expect(try await api.send(.get, "/api/auth/me", token: noAlgorithm).status == 401)
        }
    }

    @Test func aTokenWithoutASessionIsRefused() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            var claims = try TestJWT.payload(of: alice.accessToken)
            claims["sid"] = nil
            let sessionless = try TestJWT.sign(claims)
            let response = try await api.send(.get, "/api/auth/me", token: sessionless)
            #expect(response.status == 401)
            #expect(response.message == "Invalid or expired token")
            claims["sid"] = "0123456789abcdef01234567"
            let unknownSession = try TestJWT.sign(claims)
            #expect(try await api.send(.get, "/api/auth/me", token: unknownSession).status == 401)
        }
    }
}

@Suite("Verified access tokens are remembered only until they expire")
struct VerifiedTokenExpiryTests {
    @Test func aTokenAcceptedOnceIsRefusedOnceItExpires() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            var claims = try TestJWT.payload(of: alice.accessToken)
            // Expires eight seconds from now (JWT `exp` is in whole seconds): room for two requests
            // even on the slow MongoDB test server.
            let expiry = Int(Date().timeIntervalSince1970) + 8
            claims["exp"] = expiry
            let shortLived = try TestJWT.sign(claims)
            #expect(try await api.send(.get, "/api/auth/me", token: shortLived).status == 200)
            #expect(try await api.send(.get, "/api/auth/me", token: shortLived).status == 200)
            try await Task.sleep(for: .seconds(max(0, Double(expiry) + 1 - Date().timeIntervalSince1970)))
            let late = try await api.send(.get, "/api/auth/me", token: shortLived)
            #expect(late.status == 401)
            #expect(late.message == "Invalid or expired token")
            // A token altered after being accepted is not the remembered one.
            var tampered = Array(shortLived.utf8)
            tampered[tampered.count - 2] = tampered[tampered.count - 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            #expect(try await api.send(.get, "/api/auth/me", token: String(decoding: tampered, as: UTF8.self)).status == 401)
        }
    }
}
