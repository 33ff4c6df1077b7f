import Foundation
import Testing

/// The caller's own data (/api/client) and the admin screens (/api/admin).
@Suite("Client and admin APIs")
struct ClientAndAdminTests {
    @Test func notificationsAreStoredReadAndDeletedByTheirOwnerOnly() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            for _ in 0..<2 {
                _ = try await api.send(.post, "/api/groups/\(target.groupId)/members", token: world.root.accessToken, json: ["userId": world.outsider.id])
                _ = try await api.send(.delete, "/api/groups/\(target.groupId)/members/\(world.outsider.id)", token: world.root.accessToken)
            }
            let token = world.outsider.accessToken
            let list = try await api.send(.get, "/api/client/notifications?limit=3", token: token)
            let notifications = try #require(list.json["data"] as? [[String: Any]])
            #expect(notifications.count == 3)
            #expect(notifications.first?["type"] as? String == "group_member_removed")
            #expect(try await api.send(.get, "/api/client/notifications/unread-count", token: token).data["count"] as? Int == 4)

            let firstId = try #require(notifications.first?["_id"] as? String)
            #expect(try await api.send(.put, "/api/client/notifications/\(firstId)/read", token: world.member.accessToken).status == 404)
            let read = try await api.send(.put, "/api/client/notifications/\(firstId)/read", token: token)
            #expect(read.status == 200)
            #expect(read.data["isRead"] as? Bool == true)
            #expect(try await api.send(.get, "/api/client/notifications/unread-count", token: token).data["count"] as? Int == 3)
            let readAll = try await api.send(.put, "/api/client/notifications/read-all", token: token)
            #expect(readAll.data["updatedCount"] as? Int == 3)
            #expect(readAll.data["marked"] as? Int == 3, "the Angular client reads marked: \(readAll.text)")
            #expect(try await api.send(.get, "/api/client/notifications/unread-count", token: token).data["count"] as? Int == 0)
            #expect(try await api.send(.delete, "/api/client/notifications/\(firstId)", token: world.member.accessToken).status == 404)
            #expect(try await api.send(.delete, "/api/client/notifications/\(firstId)", token: token).status == 200)
            #expect((try await api.send(.get, "/api/client/notifications?limit=100", token: token).json["data"] as? [Any])?.count == 3)
            #expect(try await api.send(.put, "/api/client/notifications/bad-id/read", token: token).status == 400)
        }
    }

    @Test func settingsPreferencesAndStatusAreKept() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            let defaults = try await api.send(.get, "/api/client/settings", token: alice.accessToken)
            #expect((defaults.data["appearance"] as? [String: Any])?["theme"] as? String == "light")

            let changed = try await api.send(.put, "/api/client/settings", token: alice.accessToken, json: ["notifications": ["sound": false]])
            #expect(changed.status == 200)
            let kept = try await api.send(.get, "/api/client/settings", token: alice.accessToken)
            let notifications = try #require(kept.data["notifications"] as? [String: Any])
            // A partial update keeps the sibling keys (the old shallow merge lost them).
            #expect(notifications["sound"] as? Bool == false)
            #expect(notifications["email"] as? Bool == true)

            _ = try await api.send(.put, "/api/client/preferences", token: alice.accessToken, json: ["language": "fr", "compact": true])
            let preferences = try await api.send(.get, "/api/client/preferences", token: alice.accessToken)
            #expect(preferences.data["language"] as? String == "fr")

            #expect(try await api.send(.put, "/api/client/status", token: alice.accessToken, json: ["status": "away"]).status == 200)
            #expect(try await api.send(.get, "/api/client/status", token: alice.accessToken).data["status"] as? String == "away")
            #expect(try await api.send(.put, "/api/client/status", token: alice.accessToken, json: ["status": "sleeping"]).status == 400)
            #expect(try await api.send(.put, "/api/client/settings", token: alice.accessToken, rawBody: "[1]").status == 400)
        }
    }

    @Test func profileEditsCannotEscalateAndAcceptAvatarUrl() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            let edited = try await api.send(.put, "/api/client/profile", token: alice.accessToken, json: ["avatarUrl": "/uploads/avatars/0123456789abcdef0123456789abcdef.png", "bio": "hi"])
            #expect(edited.status == 200)
            #expect(edited.data["avatar"] as? String == "/uploads/avatars/0123456789abcdef0123456789abcdef.png")
            #expect(edited.data["avatarUrl"] as? String == "/uploads/avatars/0123456789abcdef0123456789abcdef.png")
            #expect(try await api.send(.put, "/api/client/profile", token: alice.accessToken, json: ["roles": ["super_admin"]]).status == 403)
            #expect(try await api.send(.put, "/api/client/profile", token: alice.accessToken, json: ["password": "plain-text"]).status == 400)
            #expect((try await api.send(.get, "/api/auth/me", token: alice.accessToken).data["roles"] as? [String]) == ["user"])
        }
    }

    @Test func sessionsCanBeListedAndSignedOut() async throws {
        try await TestApp.run { api in
            let first = try await api.register("alice")
            let second = try Account(try await api.login("alice", password: "password123"))
            let sessions = try await api.send(.get, "/api/client/sessions", token: second.accessToken)
            let list = try #require(sessions.json["data"] as? [[String: Any]])
            #expect(list.count == 2)
            #expect(list.filter { $0["current"] as? Bool == true }.count == 1)

            let others = try await api.send(.delete, "/api/client/sessions/others", token: second.accessToken)
            #expect(others.data["revokedCount"] as? Int == 1)
            #expect(try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": first.refreshToken]).status == 401)
            #expect(try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": second.refreshToken]).status == 200)

            let bob = try await api.register("bob")
            let remaining = try await api.send(.get, "/api/client/sessions", token: second.accessToken)
            let sessionId = try #require((remaining.json["data"] as? [[String: Any]])?.first?["_id"] as? String)
            #expect(try await api.send(.delete, "/api/client/sessions/\(sessionId)", token: bob.accessToken).status == 404)
            #expect(try await api.send(.delete, "/api/client/sessions/\(sessionId)", token: second.accessToken).status == 200)
            #expect(try await api.send(.post, "/api/auth/refresh", json: ["refreshToken": second.refreshToken]).status == 401)
        }
    }

    @Test func exportHoldsTheCallersDataAndNoSecrets() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            _ = try await world.makeTarget(isPrivate: false)
            let export = try await api.send(.get, "/api/client/export", token: world.member.accessToken)
            #expect(export.status == 200)
            #expect(export.headers[.contentDisposition]?.contains("attachment") == true)
            #expect((export.data["profile"] as? [String: Any])?["username"] as? String == "member")
            #expect((export.data["groups"] as? [Any])?.count == 1)
            #expect(!export.text.contains("$2b$"))
            #expect(!export.text.contains("refresh"))
        }
    }

    @Test func statsAndDashboardsCountRealData() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            _ = try await world.makeTarget(isPrivate: true)
            let groupStats = try await api.send(.get, "/api/admin/groups/stats", token: world.root.accessToken)
            #expect(groupStats.data["totalGroups"] as? Int == 2)
            #expect(groupStats.data["privateGroups"] as? Int == 1)
            #expect(groupStats.data["publicGroups"] as? Int == 1)
            // The other admin's group has 2 members (root, other admin); the target has 4.
            #expect(groupStats.data["averageMembersPerGroup"] as? Double == 3)
            let scoped = try await api.send(.get, "/api/admin/groups/stats", token: world.otherGroupAdmin.accessToken)
            #expect(scoped.data["totalGroups"] as? Int == 1)

            let channelStats = try await api.send(.get, "/api/admin/channels/stats", token: world.root.accessToken)
            #expect(channelStats.data["totalChannels"] as? Int == 6)
            #expect(channelStats.data["textChannels"] as? Int == 6)

            let dashboard = try await api.send(.get, "/api/admin/dashboard", token: world.root.accessToken)
            #expect(dashboard.data["totalUsers"] as? Int == 6)
            #expect(dashboard.data["totalGroups"] as? Int == 2)
            #expect((dashboard.data["recentActivity"] as? [Any])?.isEmpty == false)

            let userStats = try await api.send(.get, "/api/admin/users/stats", token: world.root.accessToken)
            #expect(userStats.data["superAdmins"] as? Int == 1)
            #expect(userStats.data["groupAdmins"] as? Int == 2)
            #expect(userStats.data["totalUsers"] as? Int == 6)
        }
    }

    @Test func auditLogRecordsWhoDidWhatAndFilters() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            _ = try await api.send(.put, "/api/groups/\(target.groupId)", token: world.groupAdmin.accessToken, json: ["description": "new"])

            let all = try await api.send(.get, "/api/admin/logs?limit=100", token: world.root.accessToken)
            let logs = try #require(all.data["logs"] as? [[String: Any]])
            let update = try #require(logs.first { $0["action"] as? String == "group.update" })
            #expect(update["username"] as? String == "gadmin")
            #expect(update["targetId"] as? String == target.groupId)
            #expect(logs.contains { $0["action"] as? String == "group.admin.add" })

            let filtered = try await api.send(.get, "/api/admin/logs?action=group.update", token: world.root.accessToken)
            #expect(filtered.data["total"] as? Int == 1)
            let byUser = try await api.send(.get, "/api/admin/logs?userId=\(world.groupAdmin.id)", token: world.root.accessToken)
            #expect((byUser.data["logs"] as? [[String: Any]])?.allSatisfy { $0["userId"] as? String == world.groupAdmin.id } == true)
            // A group admin reads only their own entries.
            let own = try await api.send(.get, "/api/admin/logs", token: world.groupAdmin.accessToken)
            #expect((own.data["logs"] as? [[String: Any]])?.allSatisfy { $0["userId"] as? String == world.groupAdmin.id } == true)
            #expect(try await api.send(.get, "/api/admin/logs?from=yesterday", token: world.root.accessToken).status == 400)

            let activity = try await api.send(.get, "/api/admin/users/\(world.groupAdmin.id)/activity", token: world.root.accessToken)
            #expect((activity.json["data"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func adminUserManagementChecksInputAndDeletesForGood() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let token = world.root.accessToken
            #expect(try await api.send(.post, "/api/admin/users/bulk-delete", token: token, json: [:]).status == 400)
            #expect(try await api.send(.post, "/api/admin/users/bulk-delete", token: token, json: ["userIds": ["bad"]]).status == 400)
            #expect(try await api.send(.post, "/api/admin/users/bulk-update", token: token, json: ["userIds": [world.spare.id]]).status == 400)
            let bulk = try await api.send(.post, "/api/admin/users/bulk-update", token: token, json: ["userIds": [world.spare.id, world.outsider.id], "updates": ["isActive": false]])
            #expect(bulk.data["updatedCount"] as? Int == 2)
            #expect(try await api.send(.get, "/api/auth/me", token: world.spare.accessToken).status == 401)

            let deleted = try await api.send(.post, "/api/admin/users/bulk-delete", token: token, json: ["userIds": [world.spare.id]])
            #expect(deleted.data["deletedCount"] as? Int == 1)
            let group = try await api.send(.get, "/api/groups/\(target.groupId)", token: token)
            #expect((group.data["members"] as? [[String: Any]])?.contains { $0["userId"] as? String == world.spare.id } == false)
            #expect(try await api.send(.delete, "/api/admin/users/\(world.root.id)", token: token).status == 400)
            // The dashboard's "export messages" button asks for a type Parley does not offer.
            for type in ["messages", "secrets"] {
                let refused = try await api.send(.get, "/api/admin/export/\(type)", token: token)
                #expect(refused.status == 501, "\(type): \(refused.text)")
                #expect(refused.json["success"] as? Bool == false && refused.json["status"] as? String == "error")
                #expect(refused.json["code"] as? String == "NOT_IMPLEMENTED")
                #expect(refused.message?.contains("users, groups, channels, requests and logs") == true)
            }
            #expect(try await api.send(.get, "/api/admin/export/users", token: token).status == 200)
        }
    }
}
