import Foundation
import Testing

/// Group, membership and join-request behaviour a user would notice.
@Suite("Groups, membership and join requests")
struct GroupFlowTests {
    @Test("the Angular client's flow: sign up, ask to join a private group, get approved, see it, leave")
    func signUpRequestApprovalAndLeave() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: true)
            let newcomer = try await api.register("newcomer")

            // The private group is listed, but its insides stay closed.
            let listed = try await api.send(.get, "/api/groups?limit=100", token: newcomer.accessToken)
            let groups = try #require(listed.data["groups"] as? [[String: Any]])
            let face = try #require(groups.first { $0["_id"] as? String == target.groupId })
            #expect(face["isPrivate"] as? Bool == true)
            #expect((face["members"] as? [Any])?.isEmpty == true)
            #expect(try await api.send(.get, "/api/channels/group/\(target.groupId)", token: newcomer.accessToken).status == 403)

            let asked = try await api.send(.post, "/api/group-requests", token: newcomer.accessToken, json: ["groupId": target.groupId, "requestType": "request_invite", "message": "hi"])
            #expect(asked.status == 201)
            #expect(asked.data["status"] as? String == "pending")
            let requestId = try #require(asked.data["_id"] as? String)
            let again = try await api.send(.post, "/api/group-requests", token: newcomer.accessToken, json: ["groupId": target.groupId])
            #expect(again.status == 409)

            // The group's admin sees the request (without the requester's email) and approves it.
            let pending = try await api.send(.get, "/api/group-requests?status=pending", token: world.groupAdmin.accessToken)
            let requests = try #require(pending.data["requests"] as? [[String: Any]])
            let seen = try #require(requests.first { $0["_id"] as? String == requestId })
            #expect(seen["userEmail"] is NSNull)
            let approved = try await api.send(.post, "/api/group-requests/\(requestId)/approve", token: world.groupAdmin.accessToken, json: ["reason": "welcome"])
            #expect(approved.status == 200)
            #expect(approved.data["status"] as? String == "approved")
            #expect(approved.data["reviewerName"] as? String == "gadmin")
            #expect(try await api.send(.post, "/api/group-requests/\(requestId)/approve", token: world.groupAdmin.accessToken, json: [:]).status == 409)

            // Now a member: the group, its channels and the decision notice are there.
            let mine = try await api.send(.get, "/api/client/groups", token: newcomer.accessToken)
            #expect((mine.json["data"] as? [[String: Any]])?.map { $0["_id"] as? String } == [target.groupId])
            let channels = try await api.send(.get, "/api/channels/group/\(target.groupId)", token: newcomer.accessToken)
            let channelNames = (channels.json["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            #expect(Set(channelNames) == ["general", "extra"])
            let notices = try await api.send(.get, "/api/client/notifications", token: newcomer.accessToken)
            let notice = try #require((notices.json["data"] as? [[String: Any]])?.first)
            #expect(notice["type"] as? String == "group_request_approved")
            #expect((notice["message"] as? String)?.contains("welcome") == true)

            let left = try await api.send(.post, "/api/groups/\(target.groupId)/leave", token: newcomer.accessToken)
            #expect(left.status == 200)
            #expect((try await api.send(.get, "/api/client/groups", token: newcomer.accessToken).json["data"] as? [Any])?.isEmpty == true)
            let general = try await api.send(.get, "/api/channels/\(target.generalChannelId)", token: world.root.accessToken)
            #expect((general.data["members"] as? [String])?.contains(newcomer.id) == false)
        }
    }

    @Test func membershipIsKeptOnceAndInStepEverywhere() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let added = try await api.send(.post, "/api/groups/\(target.groupId)/members", token: world.groupAdmin.accessToken, json: ["userId": world.outsider.id, "username": "spoofed"])
            #expect(added.status == 200)
            let again = try await api.send(.post, "/api/groups/\(target.groupId)/members", token: world.groupAdmin.accessToken, json: ["userId": world.outsider.id])
            #expect(again.status == 409)

            let group = try await api.send(.get, "/api/groups/\(target.groupId)", token: world.outsider.accessToken)
            let members = try #require(group.data["members"] as? [[String: Any]])
            let outsiderEntries = members.filter { $0["userId"] as? String == world.outsider.id }
            #expect(outsiderEntries.count == 1)
            #expect(outsiderEntries.first?["username"] as? String == "outsider")
            #expect(group.data["memberCount"] as? Int == members.count)
            #expect(Set(group.data["admins"] as? [String] ?? []) == [world.root.id, world.groupAdmin.id])

            let userGroups = try await api.send(.get, "/api/users/\(world.outsider.id)/groups", token: world.outsider.accessToken)
            #expect((userGroups.json["data"] as? [[String: Any]])?.first?["_id"] as? String == target.groupId)
            let extra = try await api.send(.get, "/api/channels/\(target.extraChannelId)", token: world.outsider.accessToken)
            #expect((extra.data["members"] as? [String])?.contains(world.outsider.id) == true)

            let removed = try await api.send(.delete, "/api/groups/\(target.groupId)/members/\(world.outsider.id)", token: world.groupAdmin.accessToken)
            #expect(removed.status == 200)
            #expect((try await api.send(.get, "/api/users/\(world.outsider.id)/groups", token: world.outsider.accessToken).json["data"] as? [Any])?.isEmpty == true)
            let extraAfter = try await api.send(.get, "/api/channels/\(target.extraChannelId)", token: world.root.accessToken)
            #expect((extraAfter.data["members"] as? [String])?.contains(world.outsider.id) == false)
            #expect(try await api.send(.get, "/api/channels/\(target.extraChannelId)", token: world.outsider.accessToken).status == 404)
            let removedNotice = try await api.send(.get, "/api/client/notifications/unread-count", token: world.outsider.accessToken)
            #expect(removedNotice.data["count"] as? Int == 2)
        }
    }

    @Test func everyGroupGetsAGeneralChannelAndGroupIdsStandForIt() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let viaGroupId = try await api.send(.get, "/api/channels/\(target.groupId)", token: world.member.accessToken)
            #expect(viaGroupId.status == 200)
            #expect(viaGroupId.data["_id"] as? String == target.generalChannelId)
            #expect(viaGroupId.data["name"] as? String == "general")

            // Channel names are unique within a group, not across groups.
            let other = try await world.makeTarget(isPrivate: false)
            let duplicate = try await api.send(.post, "/api/channels", token: world.root.accessToken, json: ["groupId": other.groupId, "name": "EXTRA"])
            #expect(duplicate.status == 409)
            #expect(duplicate.message == "Channel already exists")
            #expect(try await api.send(.delete, "/api/channels/\(target.generalChannelId)", token: world.root.accessToken).status == 400)
        }
    }

    @Test func joinRequestsAreScopedRejectedWithdrawnAndBulkProcessed() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let (target, firstId, firstRequester) = try await world.makeRequestTarget()
            let second = try await api.register("second")
            let third = try await api.register("third")
            let secondId = try #require(try await api.send(.post, "/api/group-requests", token: second.accessToken, json: ["groupId": target.groupId]).data["_id"] as? String)
            let thirdId = try #require(try await api.send(.post, "/api/group-requests", token: third.accessToken, json: ["groupId": target.groupId]).data["_id"] as? String)

            // Requesters see their own request only; the other group's admin sees none of them.
            let own = try await api.send(.get, "/api/group-requests", token: second.accessToken)
            #expect((own.data["requests"] as? [[String: Any]])?.map { $0["_id"] as? String } == [secondId])
            #expect(own.data["total"] as? Int == 1)
            #expect((try await api.send(.get, "/api/group-requests", token: world.otherGroupAdmin.accessToken).data["total"] as? Int) == 0)
            let adminView = try await api.send(.get, "/api/group-requests?limit=2&page=1", token: world.groupAdmin.accessToken)
            #expect(adminView.data["total"] as? Int == 3)
            #expect(adminView.data["pages"] as? Int == 2)
            #expect(adminView.data["limit"] as? Int == 2)

            // The requester withdraws; the admin then cannot approve it.
            #expect(try await api.send(.delete, "/api/group-requests/\(thirdId)", token: third.accessToken).status == 200)
            #expect(try await api.send(.post, "/api/group-requests/\(thirdId)/approve", token: world.groupAdmin.accessToken, json: [:]).status == 409)

            let bulk = try await api.send(.post, "/api/group-requests/bulk/reject", token: world.groupAdmin.accessToken, json: ["requestIds": [firstId, secondId], "reason": "group is full"])
            #expect(bulk.status == 200)
            #expect(bulk.data["rejectedCount"] as? Int == 2)
            #expect(bulk.message == "2 requests rejected successfully")
            let rejected = try await api.send(.get, "/api/group-requests/\(firstId)", token: firstRequester.accessToken)
            #expect(rejected.data["status"] as? String == "rejected")
            #expect(rejected.data["reason"] as? String == "group is full")
            let group = try await api.send(.get, "/api/groups/\(target.groupId)", token: world.root.accessToken)
            #expect((group.data["members"] as? [[String: Any]])?.contains { $0["userId"] as? String == firstRequester.id } == false)

            let stats = try await api.send(.get, "/api/group-requests/stats", token: world.groupAdmin.accessToken)
            #expect(stats.data["totalRequests"] as? Int == 3)
            #expect(stats.data["rejectedRequests"] as? Int == 2)
            #expect(stats.data["pendingRequests"] as? Int == 0)

            let badType = try await api.send(.post, "/api/group-requests", token: second.accessToken, json: ["groupId": target.groupId, "requestType": "sneak"])
            #expect(badType.status == 400)
            let badGroup = try await api.send(.post, "/api/group-requests", token: second.accessToken, json: ["groupId": "nope"])
            #expect(badGroup.status == 400)
            #expect(badGroup.message == "Valid group ID is required")
            let noGroup = try await api.send(.post, "/api/group-requests", token: second.accessToken, json: ["groupId": "aaaaaaaaaaaaaaaaaaaaaaaa"])
            #expect(noGroup.status == 404)
        }
    }

    @Test func archivedGroupsDisappearForMembersAndStayForAdmins() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            #expect(try await api.send(.delete, "/api/groups/\(target.groupId)", token: world.groupAdmin.accessToken).status == 200)
            #expect(try await api.send(.get, "/api/groups/\(target.groupId)", token: world.member.accessToken).status == 404)
            #expect(try await api.send(.get, "/api/channels/\(target.generalChannelId)", token: world.member.accessToken).status == 404)
            let asAdmin = try await api.send(.get, "/api/groups/\(target.groupId)", token: world.groupAdmin.accessToken)
            #expect(asAdmin.status == 200)
            #expect(asAdmin.data["isArchived"] as? Bool == true)
            let listed = try await api.send(.get, "/api/groups?limit=100", token: world.member.accessToken)
            #expect((listed.data["groups"] as? [[String: Any]])?.contains { $0["_id"] as? String == target.groupId } == false)
            let withArchived = try await api.send(.get, "/api/groups?limit=100&includeArchived=true", token: world.root.accessToken)
            #expect((withArchived.data["groups"] as? [[String: Any]])?.contains { $0["_id"] as? String == target.groupId } == true)
        }
    }

    @Test func searchIsLiteralCaseInsensitiveAndPaged() async throws {
        try await TestApp.run { api in
            let root = try await api.loginAsRoot()
            for name in ["Alpha (beta)", "alphabet", "Gamma", "a.*z"] {
                #expect(try await api.send(.post, "/api/groups", token: root.accessToken, json: ["name": name, "description": "about \(name)"]).status == 201)
            }
            func names(_ query: String) async throws -> [String] {
                let response = try await api.send(.get, "/api/groups?\(query)", token: root.accessToken)
                return (response.data["groups"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            }
            #expect(Set(try await names("search=ALPHA")) == ["Alpha (beta)", "alphabet"])
            #expect(try await names("search=(beta)") == ["Alpha (beta)"])
            #expect(try await names("search=.*") == ["a.*z"])
            #expect(try await names("search=zzz").isEmpty)
            #expect(try await names("sortBy=name&sortOrder=asc") == ["a.*z", "Alpha (beta)", "alphabet", "Gamma"])
            let paged = try await api.send(.get, "/api/groups?page=2&limit=3", token: root.accessToken)
            #expect(paged.data["total"] as? Int == 4)
            #expect(paged.data["pages"] as? Int == 2)
            #expect((paged.data["groups"] as? [Any])?.count == 1)
            #expect(try await api.send(.get, "/api/groups?sortBy=password", token: root.accessToken).status == 400)
            #expect(try await api.send(.get, "/api/groups?page=0", token: root.accessToken).status == 400)
            #expect(try await api.send(.post, "/api/groups", token: root.accessToken, json: ["name": "GAMMA"]).status == 409)
            // Past ASCII too, on every engine: one group, whatever the case of its accented letters.
            #expect(try await api.send(.post, "/api/groups", token: root.accessToken, json: ["name": "Équipe x"]).status == 201)
            let accented = try await api.send(.post, "/api/groups", token: root.accessToken, json: ["name": "équipe x"])
            #expect(accented.status == 409)
        }
    }
}
