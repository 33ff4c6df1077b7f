import Foundation
import Testing

@Suite("Auth flows over HTTP")
struct AuthFlowTests {
    @Test("register → login by username and email → me → refresh (older token still valid) → logout")
    func fullSessionLifecycle() async throws {
        try await TestApp.run { api in
            let registered = try await api.send(
                .post, "/api/auth/register",
                json: ["username": "alice", "email": "Alice@Example.com", "password": "password123", "confirmPassword": "password123"])
            #expect(registered.status == 201)
            #expect(registered.message == "User registered successfully")
            let user = try #require(registered.data["user"] as? [String: Any])
            #expect(user["username"] as? String == "alice")
            #expect(user["email"] as? String == "alice@example.com")
            #expect(user["roles"] as? [String] == ["user"])
            #expect(user["isActive"] as? Bool == true)
            #expect(user["avatar"] is NSNull)
            #expect(registered.data["token"] as? String == registered.data["accessToken"] as? String)
            #expect(registered.data["expiresIn"] as? Int == 3600)

            let byName = try await api.login("alice", password: "password123")
            #expect(byName.status == 200)
            #expect(byName.message == "Login successful")
            let byEmail = try await api.send(.post, "/api/auth/login", json: ["email": "ALICE@example.com", "password": "password123"])
            #expect(byEmail.status == 200)
            let session = try Account(byEmail)

            let me = try await api.send(.get, "/api/auth/me", token: session.accessToken)
            #expect(me.status == 200)
            #expect(me.data["username"] as? String == "alice")

            let refreshed = try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": session.refreshToken])
            #expect(refreshed.status == 200)
            #expect(refreshed.message == "Token refreshed successfully")
            let newPair = try Account(refreshed)
            #expect(newPair.refreshToken != session.refreshToken)
            // One Angular auth service keeps sending its first refresh token: it must still work.
            let again = try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": session.refreshToken])
            #expect(again.status == 200)

            let logout = try await api.send(.post, "/api/auth/logout", token: newPair.accessToken, json: ["refreshToken": newPair.refreshToken])
            #expect(logout.status == 200)
            #expect(logout.message == "Logout successful")
            for token in [session.refreshToken, newPair.refreshToken] {
                let refused = try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": token])
                #expect(refused.status == 401)
                #expect(refused.message == "Invalid refresh token")
            }
            // Another session of the same user is untouched by that logout.
            let other = try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": try Account(byName).refreshToken])
            #expect(other.status == 200)
        }
    }

    @Test func refreshTokenIsRefusedAsAccessTokenAndTheReverse() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            let asAccess = try await api.send(.get, "/api/auth/me", token: alice.refreshToken)
            #expect(asAccess.status == 401)
            #expect(asAccess.message == "Invalid or expired token")
            let asRefresh = try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": alice.accessToken])
            #expect(asRefresh.status == 401)
            #expect(asRefresh.message == "Invalid refresh token")
        }
    }

    @Test func missingAndGarbageTokensAnswerTheOriginalMessages() async throws {
        try await TestApp.run { api in
            let none = try await api.send(.get, "/api/auth/me")
            #expect(none.status == 401)
            #expect(none.message == "Access token required")
            #expect(none.json["success"] as? Bool == false)
            #expect(none.json["status"] as? String == "error")
            let garbage = try await api.send(.get, "/api/users", token: "not.a.jwt")
            #expect(garbage.status == 401)
            #expect(garbage.message == "Invalid or expired token")
            let badRefresh = try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": "invalid-token"])
            #expect(badRefresh.status == 401)
            #expect(badRefresh.message == "Invalid refresh token")
            let noRefresh = try await api.send(.post, "/api/auth/refresh", json: [:])
            #expect(noRefresh.status == 400)
            #expect(noRefresh.message == "Refresh token is required")
        }
    }

    @Test func registrationValidatesInputAndRefusesDuplicates() async throws {
        try await TestApp.run { api in
            let missing = try await api.send(.post, "/api/auth/register", json: ["username": "testuser"])
            #expect(missing.status == 400)
            #expect(missing.message == "All fields are required")
            let mismatch = try await api.send(
                .post, "/api/auth/register",
                json: ["username": "bob", "email": "bob@example.com", "password": "password123", "confirmPassword": "other123"])
            #expect(mismatch.status == 400)
            #expect(mismatch.message == "Passwords do not match")
            let short = try await api.send(.post, "/api/auth/register", json: ["username": "bob", "email": "bob@example.com", "password": "123"])
            #expect(short.status == 400)
            #expect(short.message == "Password must be at least 6 characters long")
            let badEmail = try await api.send(.post, "/api/auth/register", json: ["username": "bob", "email": "invalid-email", "password": "password123"])
            #expect(badEmail.status == 400)
            let injected = try await api.send(
                .post, "/api/auth/register", json: ["username": ["$ne": NSNull()], "email": "bob@example.com", "password": "password123"])
            #expect(injected.status == 400)
            #expect(injected.message == "username must be a string")

            _ = try await api.register("bob")
            let duplicate = try await api.send(
                .post, "/api/auth/register", json: ["username": "BOB", "email": "new@example.com", "password": "password123"])
            #expect(duplicate.status == 409)
            #expect(duplicate.message?.contains("already exists") == true)
            // Registration ignores any attempt to pick roles.
            let sneaky = try await api.send(
                .post, "/api/auth/register",
                json: ["username": "mallory", "email": "m@example.com", "password": "password123", "roles": ["super_admin"]])
            #expect((sneaky.data["user"] as? [String: Any])?["roles"] as? [String] == ["user"])
        }
    }

    @Test func loginRefusesBadCredentialsAndOperatorObjects() async throws {
        try await TestApp.run { api in
            _ = try await api.register("carol")
            let wrong = try await api.login("carol", password: "wrong-password")
            #expect(wrong.status == 401)
            #expect(wrong.message == "Invalid credentials")
            let unknown = try await api.login("nobody", password: "password123")
            #expect(unknown.status == 401)
            #expect(unknown.message == "Invalid credentials")
            let empty = try await api.send(.post, "/api/auth/login", json: [:])
            #expect(empty.status == 400)
            #expect(empty.message == "Username and password are required")
            let injection = try await api.send(.post, "/api/auth/login", json: ["username": ["$regex": "^c"], "password": "password123"])
            #expect(injection.status == 400)
        }
    }

    @Test func repeatedFailuresAreThrottledWithRetryAfter() async throws {
        try await TestApp.run(configure: { $0.loginThrottle = .init(failuresPerAccount: 3, failuresPerAddress: 50, window: .seconds(600)) }) { api in
            _ = try await api.register("dave")
            for _ in 0..<3 {
                #expect(try await api.login("dave", password: "wrong-password").status == 401)
            }
            let limited = try await api.login("dave", password: "password123")
            #expect(limited.status == 429)
            #expect(limited.message?.contains("Too many") == true)
            let retryAfter = try #require(limited.headers[.retryAfter].flatMap(Int.init))
            #expect(retryAfter > 0 && retryAfter <= 600)
            // Other accounts from the same address are not locked by dave's failures.
            _ = try await api.register("erin")
            #expect(try await api.login("erin", password: "password123").status == 200)
        }
    }

    @Test func failuresByUsernameAndByEmailCountAgainstOneAccount() async throws {
        try await TestApp.run(configure: { $0.loginThrottle = .init(failuresPerAccount: 5, failuresPerAddress: 50, window: .seconds(600)) }) { api in
            _ = try await api.register("gina")
            for _ in 0..<3 {
                #expect(try await api.login("gina", password: "wrong-password").status == 401)
            }
            for _ in 0..<2 {
                #expect(try await api.send(.post, "/api/auth/login", json: ["email": "GINA@example.com", "password": "wrong-password"]).status == 401)
            }
            // Five failures in all: the sixth try is refused whichever form it uses, even with the right password.
            for attempt in [
                ["email": "gina@example.com", "password": "password123"], ["username": "GINA", "password": "password123"],
            ] {
                let limited = try await api.send(.post, "/api/auth/login", json: attempt)
                #expect(limited.status == 429, "\(attempt): \(limited.text)")
                #expect(limited.json["code"] as? String == "RATE_LIMITED")
                #expect(try #require(limited.headers[.retryAfter].flatMap(Int.init)) > 0)
            }
            // An unknown name counts on its own, whatever its case.
            for name in ["Nobody", "nobody", "NOBODY", "nobody", "noBody"] {
                #expect(try await api.login(name, password: "wrong-password").status == 401)
            }
            #expect(try await api.login("nobody", password: "wrong-password").status == 429)
        }
    }

    @Test func changePasswordRequiresTheCurrentOneAndSignsOutOtherSessions() async throws {
        try await TestApp.run { api in
            let frank = try await api.register("frank", password: "old-password")
            let wrong = try await api.send(
                .put, "/api/auth/change-password", token: frank.accessToken,
                json: ["currentPassword": "nope-nope", "newPassword": "new-password"])
            #expect(wrong.status == 400)
            let changed = try await api.send(
                .put, "/api/auth/change-password", token: frank.accessToken,
                json: ["currentPassword": "old-password", "newPassword": "new-password"])
            #expect(changed.status == 200)
            // The caller's own session stays (other sessions are covered in SessionRevocationTests).
            #expect(try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": frank.refreshToken]).status == 200)
            #expect(try await api.login("frank", password: "old-password").status == 401)
            #expect(try await api.login("frank", password: "new-password").status == 200)
            let fresh = try Account(changed)
            #expect(try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": fresh.refreshToken]).status == 200)
        }
    }

    @Test func passwordsAndHashesNeverAppearInResponses() async throws {
        try await TestApp.run { api in
            let root = try await api.loginAsRoot()
            let gina = try await api.register("gina", password: "secret-pass-1")
            let bodies = [
                try await api.login("gina", password: "secret-pass-1").text,
                try await api.send(.get, "/api/auth/me", token: gina.accessToken).text,
                try await api.send(.get, "/api/users", token: root.accessToken).text,
                try await api.send(.get, "/api/users/\(gina.id)", token: root.accessToken).text,
                try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": gina.refreshToken]).text,
            ]
            for body in bodies {
                #expect(!body.contains("secret-pass-1"))
                #expect(!body.contains("$2b$"))
                #expect(!body.contains("password"))
            }
        }
    }
}
