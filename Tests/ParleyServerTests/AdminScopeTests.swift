import Foundation
import Testing

/// A group_admin sees only what concerns the groups they administer: the people in them (by
/// their public profiles), those people's activity about those groups, and a user's groups
/// only as far as they may see them anyway. Listing every account is super_admin's alone.
@Suite("Admin scope of a group_admin", .serialized)
struct AdminScopeTests {
    static func ids(_ users: [[String: Any]]) -> Set<String> { Set(users.compactMap { $0["_id"] as? String }) }

    @Test func aGroupAdminListsOnlyThePeopleOfTheirGroupsWithoutTheirEmails() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            _ = try await world.makeTarget(isPrivate: true)

            let listed = try await api.send(.get, "/api/admin/users", token: world.groupAdmin.accessToken)
            #expect(listed.status == 200)
            let users = try #require(listed.data["users"] as? [[String: Any]])
            let seen = Self.ids(users)
            #expect(seen.isSuperset(of: [world.groupAdmin.id, world.member.id, world.spare.id, world.root.id]))
            #expect(!seen.contains(world.outsider.id), "the outsider is in none of the admin's groups")
            #expect(!seen.contains(world.otherGroupAdmin.id))
            #expect(listed.data["total"] as? Int == seen.count)
            for user in users {
                let isSelf = user["_id"] as? String == world.groupAdmin.id
                #expect((user["email"] != nil) == isSelf, "email of \(user["username"] ?? "?")")
            }

            let searched = try await api.send(.get, "/api/admin/users?search=outsider", token: world.groupAdmin.accessToken)
            #expect((searched.data["users"] as? [[String: Any]])?.isEmpty == true)
            #expect(searched.data["total"] as? Int == 0)
            let byEmail = try await api.send(.get, "/api/admin/users?search=member%40example.com", token: world.groupAdmin.accessToken)
            #expect((byEmail.data["users"] as? [[String: Any]])?.isEmpty == true, "emails are neither shown nor matched")
            let member = try await api.send(.get, "/api/admin/users?search=MEMB", token: world.groupAdmin.accessToken)
            #expect((member.data["users"] as? [[String: Any]]).map(Self.ids) == [world.member.id])

            let everyone = try await api.send(.get, "/api/admin/users?search=outsider", token: world.root.accessToken)
            let found = try #require((everyone.data["users"] as? [[String: Any]])?.first)
            #expect(found["email"] as? String == "outsider@example.com")

            // The figures follow the same scope: the admin's one group holds four people.
            let stats = try await api.send(.get, "/api/admin/users/stats", token: world.groupAdmin.accessToken)
            #expect(stats.data["totalUsers"] as? Int == seen.count)
            let all = try await api.send(.get, "/api/users/stats", token: world.root.accessToken)
            #expect(all.data["totalUsers"] as? Int == 6)
        }
    }

    @Test func aGroupAdminSeesNoOtherUsersPrivateFieldsAnywhere() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let token = world.groupAdmin.accessToken

            let outsider = try await api.send(.get, "/api/users/\(world.outsider.id)", token: token)
            #expect(outsider.status == 200)
            #expect(outsider.data["email"] == nil)
            #expect(try await api.send(.get, "/api/users/\(world.outsider.id)", token: world.root.accessToken).data["email"] as? String
                == "outsider@example.com")

            let search = try await api.send(.get, "/api/users/search?q=outsider", token: token)
            let hits = try #require(search.json["data"] as? [[String: Any]])
            #expect(Self.ids(hits) == [world.outsider.id])
            #expect(hits.allSatisfy { $0["email"] == nil })
            let byEmail = try await api.send(.get, "/api/users/search?q=outsider%40example", token: token)
            #expect((byEmail.json["data"] as? [[String: Any]])?.isEmpty == true)

            let members = try await api.send(.get, "/api/channels/\(target.extraChannelId)/members", token: token)
            let listed = try #require(members.json["data"] as? [[String: Any]])
            #expect(!listed.isEmpty)
            for user in listed {
                #expect((user["email"] != nil) == (user["_id"] as? String == world.groupAdmin.id))
            }
        }
    }

    @Test func aUsersGroupsShowOnlyWhatTheCallerMaySee() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let administered = try await world.makeTarget(isPrivate: false)
            let hidden = try await world.makeTarget(isPrivate: true, admin: world.otherGroupAdmin)
            let open = try await world.makeTarget(isPrivate: false, admin: world.otherGroupAdmin)
            for group in [administered, hidden, open] {
                try await world.expect(200, .post, "/api/groups/\(group.groupId)/members", world.root, ["userId": world.outsider.id])
            }

            func groups(of userId: String, as account: Account, admin: Bool = false) async throws -> [String: [String: Any]] {
                let path = admin ? "/api/admin/users/\(userId)/groups" : "/api/users/\(userId)/groups"
                let response = try await api.send(.get, path, token: account.accessToken)
                #expect(response.status == 200, "\(path): \(response.text)")
                let list = try #require(response.json["data"] as? [[String: Any]])
                return Dictionary(uniqueKeysWithValues: list.compactMap { group in (group["_id"] as? String).map { ($0, group) } })
            }
            func members(_ group: [String: Any]?) -> Int { (group?["members"] as? [Any])?.count ?? -1 }

            for admin in [false, true] {
                let seen = try await groups(of: world.outsider.id, as: world.groupAdmin, admin: admin)
                #expect(Set(seen.keys) == [administered.groupId, open.groupId], "the private group stays hidden (admin route: \(admin))")
                #expect(members(seen[administered.groupId]) > 0, "their own group shows its members")
                #expect(members(seen[open.groupId]) == 0, "a group they are not in shows no member list")
                #expect((seen[open.groupId]?["admins"] as? [Any])?.isEmpty == true)
            }
            // A plain user sees nobody else's groups.
            #expect(try await api.send(.get, "/api/users/\(world.outsider.id)/groups", token: world.member.accessToken).status == 403)
            // The user themself and a super_admin see everything, with members.
            for account in [world.outsider, world.root] {
                let all = try await groups(of: world.outsider.id, as: account)
                #expect(Set(all.keys) == [administered.groupId, hidden.groupId, open.groupId])
                #expect(all.values.allSatisfy { members($0) > 0 })
            }
        }
    }

    @Test func aGroupAdminReadsOnlyTheirMembersActivityAboutTheirGroups() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let administered = try await world.makeTarget(isPrivate: false)
            let elsewhere = try await world.makeTarget(isPrivate: false, admin: world.otherGroupAdmin)
            try await world.expect(200, .post, "/api/channels/\(administered.extraChannelId)/leave", world.member, [:])
            try await world.expect(200, .post, "/api/groups/\(elsewhere.groupId)/join", world.member, [:])

            func actions(of userId: String, as account: Account, admin: Bool = false) async throws -> (status: Int, entries: [[String: Any]]) {
                let path = admin ? "/api/admin/users/\(userId)/activity" : "/api/users/\(userId)/activity"
                let response = try await api.send(.get, path, token: account.accessToken)
                return (response.status, response.json["data"] as? [[String: Any]] ?? [])
            }
            func names(_ entries: [[String: Any]]) -> Set<String> { Set(entries.compactMap { $0["action"] as? String }) }

            for admin in [false, true] {
                let scoped = try await actions(of: world.member.id, as: world.groupAdmin, admin: admin)
                #expect(scoped.status == 200)
                #expect(names(scoped.entries) == ["channel.leave"], "only what concerns the admin's group (admin route: \(admin))")
                #expect(scoped.entries.allSatisfy { $0["targetId"] as? String == administered.extraChannelId })

                let other = try await actions(of: world.member.id, as: world.otherGroupAdmin, admin: admin)
                #expect(other.status == 200)
                #expect(names(other.entries) == ["group.join"])

                let stranger = try await actions(of: world.outsider.id, as: world.groupAdmin, admin: admin)
                #expect(stranger.status == 403, "the outsider is in none of the admin's groups")
            }
            let own = try await actions(of: world.member.id, as: world.member)
            #expect(names(own.entries).isSuperset(of: ["auth.register", "channel.leave", "group.join"]))
            let root = try await actions(of: world.member.id, as: world.root, admin: true)
            #expect(names(root.entries) == names(own.entries))
            #expect(try await actions(of: world.member.id, as: world.spare).status == 403)
        }
    }
}
