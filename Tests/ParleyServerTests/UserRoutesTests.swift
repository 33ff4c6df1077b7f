import Foundation
import Testing

@Suite("Users routes and permissions")
struct UserRoutesTests {
    @Test func onlySuperAdminListsCreatesAndDeletesUsers() async throws {
        try await TestApp.run { api in
            let root = try await api.loginAsRoot()
            let alice = try await api.register("alice")

            let forbidden = try await api.send(.get, "/api/users", token: alice.accessToken)
            #expect(forbidden.status == 403)
            #expect(forbidden.message == "Insufficient permissions")
            #expect(try await api.send(.post, "/api/users", token: alice.accessToken, json: ["username": "x"]).status == 403)
            #expect(try await api.send(.delete, "/api/users/\(root.id)", token: alice.accessToken).status == 403)

            let listed = try await api.send(.get, "/api/users?page=1&limit=1", token: root.accessToken)
            #expect(listed.status == 200)
            #expect(listed.data["total"] as? Int == 2)
            #expect((listed.data["users"] as? [Any])?.count == 1)
            #expect(listed.data["pages"] as? Int == 2)
            #expect(listed.data["limit"] as? Int == 1)
            #expect(listed.data["totalPages"] as? Int == 2)

            let created = try await api.send(
                .post, "/api/users", token: root.accessToken,
                json: ["username": "newuser", "email": "newuser@example.com", "password": "password123", "roles": ["group_admin"]])
            #expect(created.status == 201)
            #expect(created.data["roles"] as? [String] == ["group_admin"])
            let badRole = try await api.send(
                .post, "/api/users", token: root.accessToken,
                json: ["username": "other", "email": "other@example.com", "password": "password123", "roles": ["admin"]])
            #expect(badRole.status == 400)
            let duplicate = try await api.send(
                .post, "/api/users", token: root.accessToken,
                json: ["username": "newuser2", "email": "NEWUSER@example.com", "password": "password123"])
            #expect(duplicate.status == 409)
            #expect(try await api.login("newuser", password: "password123").status == 200)
        }
    }

    @Test func othersSeePublicFieldsOnlyAndSelfOrAdminsSeeEverything() async throws {
        try await TestApp.run { api in
            let root = try await api.loginAsRoot()
            let alice = try await api.register("alice")
            let bob = try await api.register("bob")

            let asStranger = try await api.send(.get, "/api/users/\(alice.id)", token: bob.accessToken)
            #expect(asStranger.status == 200)
            #expect(asStranger.data["username"] as? String == "alice")
            #expect(asStranger.data["email"] == nil)
            #expect(asStranger.data["phone"] == nil)

            let asSelf = try await api.send(.get, "/api/users/\(alice.id)", token: alice.accessToken)
            #expect(asSelf.data["email"] as? String == "alice@example.com")
            let asAdmin = try await api.send(.get, "/api/users/\(alice.id)", token: root.accessToken)
            #expect(asAdmin.data["email"] as? String == "alice@example.com")

            let missing = try await api.send(.get, "/api/users/aaaaaaaaaaaaaaaaaaaaaaaa", token: bob.accessToken)
            #expect(missing.status == 404)
            #expect(missing.message == "User not found")
        }
    }

    @Test func usersEditOnlyTheirOwnProfileFields() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            let bob = try await api.register("bob")

            let own = try await api.send(
                .put, "/api/users/\(alice.id)", token: alice.accessToken,
                json: ["bio": "hello", "phone": "+1 555", "username": "alice_w", "groups": ["aaaaaaaaaaaaaaaaaaaaaaaa"]])
            #expect(own.status == 200)
            #expect(own.data["bio"] as? String == "hello")
            #expect(own.data["username"] as? String == "alice_w")
            #expect(own.data["groups"] as? [String] == [])

            let selfPromotion = try await api.send(.put, "/api/users/\(alice.id)", token: alice.accessToken, json: ["roles": ["super_admin"]])
            #expect(selfPromotion.status == 403)
            let reactivate = try await api.send(.put, "/api/users/\(alice.id)", token: alice.accessToken, json: ["isActive": true])
            #expect(reactivate.status == 403)
            let plainPassword = try await api.send(.put, "/api/users/\(alice.id)", token: alice.accessToken, json: ["password": "hacked123"])
            #expect(plainPassword.status == 400)

            let someoneElse = try await api.send(.put, "/api/users/\(bob.id)", token: alice.accessToken, json: ["bio": "pwned"])
            #expect(someoneElse.status == 403)
            let bobNow = try await api.send(.get, "/api/users/\(bob.id)", token: bob.accessToken)
            #expect(bobNow.data["bio"] is NSNull)
            let me = try await api.send(.get, "/api/auth/me", token: alice.accessToken)
            #expect(me.data["roles"] as? [String] == ["user"])

            let invalidEmail = try await api.send(.put, "/api/users/\(alice.id)", token: alice.accessToken, json: ["email": "invalid-email"])
            #expect(invalidEmail.status == 400)
            let takenName = try await api.send(.put, "/api/users/\(alice.id)", token: alice.accessToken, json: ["username": "BOB"])
            #expect(takenName.status == 409)
        }
    }

    @Test func demotionAndDeactivationApplyToTheNextRequest() async throws {
        try await TestApp.run { api in
            let root = try await api.loginAsRoot()
            let alice = try await api.register("alice")
            let promoted = try await api.send(.put, "/api/users/\(alice.id)", token: root.accessToken, json: ["roles": ["super_admin"]])
            #expect(promoted.status == 200)
            // The roles in alice's token still say "user"; the store says super_admin.
            #expect(try await api.send(.get, "/api/users", token: alice.accessToken).status == 200)

            let demoted = try await api.send(.put, "/api/users/\(alice.id)", token: root.accessToken, json: ["roles": ["user"]])
            #expect(demoted.status == 200)
            #expect(try await api.send(.get, "/api/users", token: alice.accessToken).status == 403)

            let deleted = try await api.send(.delete, "/api/users/\(alice.id)", token: root.accessToken)
            #expect(deleted.status == 200)
            #expect(deleted.json["success"] as? Bool == true)
            #expect(deleted.message == "User deleted successfully")
            let refused = try await api.send(.get, "/api/auth/me", token: alice.accessToken)
            #expect(refused.status == 401)
            #expect(try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": alice.refreshToken]).status == 401)
            let login = try await api.login("alice", password: "password123")
            #expect(login.status == 403)
            #expect(login.message == "Your account has been locked. Please contact administrator.")
            #expect(try await api.send(.delete, "/api/users/aaaaaaaaaaaaaaaaaaaaaaaa", token: root.accessToken).status == 404)
        }
    }

    static let avatar = "http://localhost/uploads/avatars/0123456789abcdef0123456789abcdef.png"

    @Test func avatarRouteIsPublicAndGroupsArePrivate() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            let bob = try await api.register("bob")
            _ = try await api.send(.put, "/api/users/\(alice.id)", token: alice.accessToken, json: ["avatar": Self.avatar])

            let avatar = try await api.send(.get, "/api/users/\(alice.id)/avatar")
            #expect(avatar.status == 200)
            #expect(avatar.data["avatar"] as? String == Self.avatar)
            let none = try await api.send(.get, "/api/users/\(bob.id)/avatar")
            #expect(none.data["avatar"] is NSNull)
            #expect(try await api.send(.get, "/api/users/not-an-id/avatar").status == 404)

            let ownGroups = try await api.send(.get, "/api/users/\(alice.id)/groups", token: alice.accessToken)
            #expect(ownGroups.status == 200)
            #expect(ownGroups.json["data"] as? [Any] != nil)
            #expect(try await api.send(.get, "/api/users/\(alice.id)/groups", token: bob.accessToken).status == 403)
        }
    }
}

@Suite("Users: search, stats, status and activity")
struct UserExtrasTests {
    @Test func searchFindsActivePeopleWithPublicFieldsOnly() async throws {
        try await TestApp.run { api in
            let root = try await api.loginAsRoot()
            let alice = try await api.register("alice_smith")
            _ = try await api.register("bob")
            let gone = try await api.register("alice_gone")
            _ = try await api.send(.delete, "/api/users/\(gone.id)", token: root.accessToken)

            let found = try await api.send(.get, "/api/users/search?query=ALICE", token: alice.accessToken)
            let users = try #require(found.json["data"] as? [[String: Any]])
            #expect(users.compactMap { $0["username"] as? String } == ["alice_smith"])
            let bobView = try await api.send(.get, "/api/users/search?q=bob", token: alice.accessToken)
            #expect((bobView.json["data"] as? [[String: Any]])?.first?["email"] == nil)
            #expect(try await api.send(.get, "/api/users/search", token: alice.accessToken).status == 400)
            #expect(try await api.send(.get, "/api/users/search?q=.*", token: alice.accessToken).json["data"] as? [Any] != nil)
        }
    }

    @Test func statsAreForAdminsAndStatusAndActivityForTheRightPeople() async throws {
        try await TestApp.run { api in
            let root = try await api.loginAsRoot()
            let alice = try await api.register("alice")
            let bob = try await api.register("bob")
            #expect(try await api.send(.get, "/api/users/stats", token: alice.accessToken).status == 403)
            let stats = try await api.send(.get, "/api/users/stats", token: root.accessToken)
            #expect(stats.data["totalUsers"] as? Int == 3)
            #expect(stats.data["superAdmins"] as? Int == 1)

            #expect(try await api.send(.put, "/api/users/\(alice.id)/status", token: alice.accessToken, json: ["status": "busy"]).status == 200)
            #expect(try await api.send(.get, "/api/client/status", token: alice.accessToken).data["status"] as? String == "busy")
            #expect(try await api.send(.put, "/api/users/\(bob.id)/status", token: alice.accessToken, json: ["status": "away"]).status == 403)
            #expect(try await api.send(.put, "/api/users/\(alice.id)/status", token: alice.accessToken, json: ["isActive": false]).status == 403)
            #expect(try await api.send(.put, "/api/users/\(bob.id)/status", token: alice.accessToken, json: ["isActive": false]).status == 403)
            let deactivated = try await api.send(.put, "/api/users/\(bob.id)/status", token: root.accessToken, json: ["isActive": false])
            #expect(deactivated.data["isActive"] as? Bool == false)

            let own = try await api.send(.get, "/api/users/\(alice.id)/activity", token: alice.accessToken)
            #expect((own.json["data"] as? [[String: Any]])?.contains { $0["action"] as? String == "auth.register" } == true)
            #expect(try await api.send(.get, "/api/users/\(root.id)/activity", token: alice.accessToken).status == 403)
        }
    }

    @Test func closingTheOwnAccountNeedsThePasswordAndSignsOut() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            #expect(try await api.send(.delete, "/api/client/account", token: alice.accessToken, json: ["password": "wrong-one"]).status == 400)
            #expect(try await api.send(.delete, "/api/client/account", token: alice.accessToken, json: ["password": "password123"]).status == 200)
            #expect(try await api.send(.get, "/api/auth/me", token: alice.accessToken).status == 401)
            #expect(try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": alice.refreshToken]).status == 401)
            #expect(try await api.login("alice", password: "password123").status == 403)
        }
    }
}
