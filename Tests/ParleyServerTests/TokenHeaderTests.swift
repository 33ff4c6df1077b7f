import Foundation
import Testing

@Suite("Access tokens name HS256 and their session")
struct TokenHeaderTests {
    @Test func aHeaderNamingAnotherAlgorithmIsRefusedOverAValidHS256Signature() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            let claims = try TestJWT.payload(of: alice.accessToken)
            // The same claims under a correct header pass: the forging itself is sound.
            let genuine = try TestJWT.sign(header: ["alg": "HS256", "typ": "JWT"], payload: claims)
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
            let sessionless = try TestJWT.sign(header: ["alg": "HS256", "typ": "JWT"], payload: claims)
            let response = try await api.send(.get, "/api/auth/me", token: sessionless)
            #expect(response.status == 401)
            #expect(response.message == "Invalid or expired token")
            claims["sid"] = "0123456789abcdef01234567"
            let unknownSession = try TestJWT.sign(header: ["alg": "HS256", "typ": "JWT"], payload: claims)
            #expect(try await api.send(.get, "/api/auth/me", token: unknownSession).status == 401)
        }
    }
}
