import Foundation
import Testing

/// Malformed ids, missing fields and wrong types answer 400 in the error envelope, and change nothing.
@Suite("Bad input on group, channel and request routes")
struct BadInputTests {
    @Test func malformedRequestsAnswer400() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let token = world.root.accessToken
            let cases: [(HTTPMethodName, String, [String: Any]?)] = [
                (.get, "/api/groups/not-an-id", nil),
                (.put, "/api/groups/123", ["name": "x"]),
                (.post, "/api/groups", [:]),
                (.post, "/api/groups", ["name": 42]),
                (.post, "/api/groups", ["name": "ok", "status": "weird"]),
                (.post, "/api/groups", ["name": "ok", "maxMembers": -1]),
                (.post, "/api/groups", ["name": String(repeating: "n", count: 101)]),
                (.put, "/api/groups/\(target.groupId)", ["isPrivate": "yes"]),
                (.post, "/api/groups/\(target.groupId)/members", [:]),
                (.post, "/api/groups/\(target.groupId)/members", ["userId": "bogus"]),
                (.delete, "/api/groups/\(target.groupId)/members/bogus", nil),
                (.put, "/api/groups/\(target.groupId)/members/\(world.member.id)/role", ["role": "owner"]),
                (.get, "/api/channels/group/bogus", nil),
                (.get, "/api/channels/bogus", nil),
                (.post, "/api/channels", ["groupId": target.groupId]),
                (.post, "/api/channels", ["name": "x"]),
                (.post, "/api/channels", ["groupId": target.groupId, "name": "x", "type": "hologram"]),
                (.post, "/api/channels", ["groupId": target.groupId, "name": "x", "settings": ["maxFileSize": "big"]]),
                (.put, "/api/channels/\(target.extraChannelId)", ["groupId": "not-a-group-id"]),
                (.get, "/api/channels/search", nil),
                (.get, "/api/group-requests/bogus", nil),
                (.post, "/api/group-requests/bogus/approve", [:]),
                (.post, "/api/group-requests/bulk/approve", ["requestIds": []]),
                (.get, "/api/group-requests?status=maybe", nil),
                (.get, "/api/client/search", nil),
                (.get, "/api/client/notifications?limit=0", nil),
            ]
            for (method, path, body) in cases {
                let response = try await api.send(method.value, path, token: token, json: body ?? (method == .get ? nil : [:]))
                #expect(response.status == 400, "\(method) \(path) \(String(describing: body)): \(response.status) \(response.text)")
                #expect(response.json["success"] as? Bool == false)
                #expect(response.json["code"] as? String == "VALIDATION_ERROR")
            }
            let groups = try await api.send(.get, "/api/groups?limit=100", token: token)
            #expect(groups.data["total"] as? Int == 2)
        }
    }

    /// Issue 14: a page number whose offset overflows ended the process; now it is a 400.
    @Test func hugePagingNumbersAnswer400() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let token = world.root.accessToken
            let paths = [
                "/api/group-requests?page=9223372036854775807",
                "/api/channels/paginated?page=9223372036854775807",
                "/api/admin/users?page=9223372036854775807",
                "/api/group-requests?page=10000001",
                "/api/group-requests?page=99999999999999999999",
                "/api/client/notifications?offset=99999999999999999999",
            ]
            for path in paths {
                let response = try await api.send(.get, path, token: token)
                #expect(response.status == 400, "\(path): \(response.status) \(response.text)")
                #expect(response.json["code"] as? String == "VALIDATION_ERROR", "\(path)")
            }
            let huge = try await api.send(.post, "/api/groups", token: token, json: ["name": "g", "maxMembers": 1e20])
            #expect(huge.status == 400)
            #expect(try await api.send(.get, "/api/group-requests?page=10000000", token: token).status == 200)
            #expect(try await api.send(.get, "/health").status == 200)
        }
    }
}
