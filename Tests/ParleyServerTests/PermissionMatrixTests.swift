import Foundation
import Testing

/// Every group, channel, join-request, client and admin route against the six callers.
/// Statuses in order: anonymous, outsider, member, admin of another group, admin of this group, super_admin.
@Suite("Permission matrix", .serialized)
struct PermissionMatrixTests {
    typealias Case = PermissionMatrixCase

    static let groupCases: [Case] = [
        Case(.get, "/api/groups", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/groups" },
        Case(.get, "/api/groups/my-groups", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/groups/my-groups" },
        Case(.get, "/api/groups/search", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/groups/search?query=group" },
        Case(.get, "/api/groups/stats", expect: [401, 403, 403, 200, 200, 200]) { _ in "/api/groups/stats" },
        Case(.get, "/api/groups/:id", expect: [401, 200, 200, 200, 200, 200]) { "/api/groups/\($0.target.groupId)" },
        Case(.post, "/api/groups", body: { _ in ["name": "new-\(UUID().uuidString.prefix(8))"] }, expect: [401, 403, 403, 201, 201, 201]) { _ in "/api/groups" },
        Case(.put, "/api/groups/:id", body: { _ in ["description": "changed"] }, expect: [401, 403, 403, 403, 200, 200]) { "/api/groups/\($0.target.groupId)" },
        Case(.delete, "/api/groups/:id", expect: [401, 403, 403, 403, 200, 200]) { "/api/groups/\($0.target.groupId)" },
        Case(.post, "/api/groups/:id/members", body: { ["userId": $0.world.outsider.id] }, expect: [401, 403, 403, 403, 200, 200]) {
            "/api/groups/\($0.target.groupId)/members"
        },
        Case(.delete, "/api/groups/:id/members/:userId", expect: [401, 403, 403, 403, 200, 200]) {
            "/api/groups/\($0.target.groupId)/members/\($0.world.spare.id)"
        },
        Case(.post, "/api/groups/:id/admins", body: { ["userId": $0.world.spare.id] }, expect: [401, 403, 403, 403, 403, 200]) {
            "/api/groups/\($0.target.groupId)/admins"
        },
        Case(.delete, "/api/groups/:id/admins/:userId", expect: [401, 403, 403, 403, 403, 200]) {
            "/api/groups/\($0.target.groupId)/admins/\($0.world.groupAdmin.id)"
        },
        Case(.put, "/api/groups/:id/members/:userId/role", body: { _ in ["role": "admin"] }, expect: [401, 403, 403, 403, 403, 200]) {
            "/api/groups/\($0.target.groupId)/members/\($0.world.spare.id)/role"
        },
        Case(.post, "/api/groups/:id/join (public)", expect: [401, 200, 409, 200, 409, 409]) { "/api/groups/\($0.target.groupId)/join" },
        Case(.post, "/api/groups/:id/join (private)", on: .privateGroup, expect: [401, 201, 409, 201, 409, 409]) { "/api/groups/\($0.target.groupId)/join" },
        Case(.post, "/api/groups/:id/leave", expect: [401, 404, 200, 404, 200, 200]) { "/api/groups/\($0.target.groupId)/leave" },
        Case(.get, "/api/groups/:id/members (private)", on: .privateGroup, expect: [401, 403, 200, 403, 200, 200]) {
            "/api/groups/\($0.target.groupId)/members"
        },
        Case(.get, "/api/groups/:id/members/:userId/check (private)", on: .privateGroup, expect: [401, 403, 200, 403, 200, 200]) {
            "/api/groups/\($0.target.groupId)/members/\($0.world.member.id)/check"
        },
        Case(.get, "/api/groups/:id/admins/:userId/check", expect: [401, 200, 200, 200, 200, 200]) {
            "/api/groups/\($0.target.groupId)/admins/\($0.world.groupAdmin.id)/check"
        },
    ]

    static let requestCases: [Case] = [
        Case(.get, "/api/group-requests", on: .joinRequest, expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/group-requests" },
        Case(.get, "/api/group-requests/stats", on: .joinRequest, expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/group-requests/stats" },
        Case(.post, "/api/group-requests", on: .privateGroup, body: { ["groupId": $0.target.groupId, "requestType": "request_invite"] }, expect: [401, 201, 409, 201, 409, 409]) { _ in
            "/api/group-requests"
        },
        Case(.get, "/api/group-requests/:id", on: .joinRequest, expect: [401, 404, 404, 404, 200, 200]) { "/api/group-requests/\($0.requestId ?? "")" },
        Case(.post, "/api/group-requests/:id/approve", on: .joinRequest, body: { _ in ["reason": "welcome"] }, expect: [401, 403, 403, 403, 200, 200]) {
            "/api/group-requests/\($0.requestId ?? "")/approve"
        },
        Case(.post, "/api/group-requests/:id/reject", on: .joinRequest, body: { _ in ["reason": "full"] }, expect: [401, 403, 403, 403, 200, 200]) {
            "/api/group-requests/\($0.requestId ?? "")/reject"
        },
        Case(.post, "/api/group-requests/bulk/approve", on: .joinRequest, body: { ["requestIds": [$0.requestId ?? ""]] }, expect: [401, 403, 403, 403, 200, 200]) { _ in
            "/api/group-requests/bulk/approve"
        },
        Case(.post, "/api/group-requests/bulk/reject", on: .joinRequest, body: { ["requestIds": [$0.requestId ?? ""]] }, expect: [401, 403, 403, 403, 200, 200]) { _ in
            "/api/group-requests/bulk/reject"
        },
        Case(.delete, "/api/group-requests/:id", on: .joinRequest, expect: [401, 404, 404, 404, 200, 200]) { "/api/group-requests/\($0.requestId ?? "")" },
    ]

    static let channelCases: [Case] = [
        Case(.get, "/api/channels", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/channels" },
        Case(.get, "/api/channels/paginated", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/channels/paginated" },
        Case(.get, "/api/channels/search", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/channels/search?query=extra" },
        Case(.get, "/api/channels/my-channels", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/channels/my-channels" },
        Case(.get, "/api/channels/stats", expect: [401, 403, 403, 200, 200, 200]) { _ in "/api/channels/stats" },
        Case(.get, "/api/channels/group/:groupId (private)", on: .privateGroup, expect: [401, 403, 200, 403, 200, 200]) {
            "/api/channels/group/\($0.target.groupId)"
        },
        Case(.get, "/api/channels/:id", expect: [401, 404, 200, 404, 200, 200]) { "/api/channels/\($0.target.extraChannelId)" },
        Case(.get, "/api/channels/:id (private channel)", expect: [401, 404, 404, 404, 200, 200]) { "/api/channels/\($0.target.privateChannelId)" },
        Case(.post, "/api/channels", body: { ["groupId": $0.target.groupId, "name": "new-channel"] }, expect: [401, 403, 403, 403, 201, 201]) { _ in
            "/api/channels"
        },
        Case(.put, "/api/channels/:id", body: { _ in ["description": "changed"] }, expect: [401, 404, 403, 404, 200, 200]) {
            "/api/channels/\($0.target.extraChannelId)"
        },
        Case(.delete, "/api/channels/:id", expect: [401, 404, 403, 404, 200, 200]) { "/api/channels/\($0.target.extraChannelId)" },
        Case(.put, "/api/channels/:id/settings", body: { _ in ["slowMode": 5] }, expect: [401, 404, 403, 404, 200, 200]) {
            "/api/channels/\($0.target.extraChannelId)/settings"
        },
        Case(.put, "/api/channels/:id/archive", expect: [401, 404, 403, 404, 200, 200]) { "/api/channels/\($0.target.extraChannelId)/archive" },
        Case(.put, "/api/channels/:id/unarchive", expect: [401, 404, 403, 404, 200, 200]) { "/api/channels/\($0.target.extraChannelId)/unarchive" },
        Case(.post, "/api/channels/:id/members", body: { ["userId": $0.world.spare.id] }, expect: [401, 404, 404, 404, 200, 200]) {
            "/api/channels/\($0.target.privateChannelId)/members"
        },
        Case(.delete, "/api/channels/:id/members/:userId", expect: [401, 404, 403, 404, 200, 200]) {
            "/api/channels/\($0.target.extraChannelId)/members/\($0.world.spare.id)"
        },
        Case(.get, "/api/channels/:id/members", expect: [401, 404, 200, 404, 200, 200]) { "/api/channels/\($0.target.extraChannelId)/members" },
        Case(.get, "/api/channels/:id/members/:userId/check", expect: [401, 404, 200, 404, 200, 200]) {
            "/api/channels/\($0.target.extraChannelId)/members/\($0.world.member.id)/check"
        },
        Case(.post, "/api/channels/:id/join (private channel)", expect: [401, 404, 404, 404, 200, 200]) {
            "/api/channels/\($0.target.privateChannelId)/join"
        },
        Case(.post, "/api/channels/:id/leave", expect: [401, 404, 200, 404, 200, 200]) { "/api/channels/\($0.target.extraChannelId)/leave" },
        Case(.get, "/api/channels/:id/activity", expect: [401, 404, 200, 404, 200, 200]) { "/api/channels/\($0.target.extraChannelId)/activity" },
    ]

    static let clientCases: [Case] = ["profile", "groups", "channels", "notifications", "notifications/unread-count", "settings", "preferences", "status", "stats", "activity", "export", "sessions"].map { path in
        Case(.get, "/api/client/\(path)", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/client/\(path)" }
    } + [
        Case(.get, "/api/client/search", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/client/search?q=general" },
        Case(.put, "/api/client/notifications/read-all", expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/client/notifications/read-all" },
        Case(.put, "/api/client/settings", body: { _ in ["appearance": ["theme": "dark"]] }, expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/client/settings" },
    ]

    static let adminCases: [Case] = ["dashboard", "stats", "users", "users/stats", "groups/stats", "channels/stats", "groups", "channels", "logs"].map { path in
        Case(.get, "/api/admin/\(path)", expect: [401, 403, 403, 200, 200, 200]) { _ in "/api/admin/\(path)" }
    } + [
        // A group_admin reads the activity of their own groups' members only.
        Case(.get, "/api/admin/users/:id/activity", expect: [401, 403, 403, 403, 200, 200]) { "/api/admin/users/\($0.world.member.id)/activity" },
        Case(.get, "/api/admin/users/:id/groups", expect: [401, 403, 403, 200, 200, 200]) { "/api/admin/users/\($0.world.member.id)/groups" },
        Case(.get, "/api/admin/export/:type", expect: [401, 403, 403, 403, 403, 200]) { _ in "/api/admin/export/groups" },
        Case(.post, "/api/admin/users", body: { _ in
            let name = "made\(UUID().uuidString.prefix(6).lowercased())"
            return ["username": name, "email": "\(name)@example.com", "password": "password123"]
        }, expect: [401, 403, 403, 403, 403, 201]) { _ in "/api/admin/users" },
        Case(.put, "/api/admin/users/:id", body: { _ in ["bio": "set by admin"] }, expect: [401, 403, 403, 403, 403, 200]) { "/api/admin/users/\($0.world.spare.id)" },
        Case(.post, "/api/admin/users/bulk-update", body: { ["userIds": [$0.world.spare.id], "updates": ["isActive": true]] }, expect: [401, 403, 403, 403, 403, 200]) { _ in
            "/api/admin/users/bulk-update"
        },
        Case(.post, "/api/admin/backup", expect: [401, 403, 403, 403, 403, 501]) { _ in "/api/admin/backup" },
    ]

    @Test(arguments: [("groups", groupCases), ("group requests", requestCases), ("channels", channelCases), ("client", clientCases), ("admin", adminCases)])
    func everyRouteAnswersEachCallerAsTheTableSays(family: String, cases: [Case]) async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            var mismatches: [String] = []
            for testCase in cases {
                mismatches += try await testCase.run(in: world)
            }
            #expect(mismatches.isEmpty, "\(family):\n\(mismatches.joined(separator: "\n"))")
        }
    }

    @Test func deletingUsersIsForSuperAdminsOnly() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            for actor in [Actor.outsider, .member, .otherGroupAdmin, .groupAdmin] {
                let refused = try await api.send(.delete, "/api/admin/users/\(world.spare.id)", token: world.token(actor))
                #expect(refused.status == 403, "\(actor)")
                let bulk = try await api.send(.post, "/api/admin/users/bulk-delete", token: world.token(actor), json: ["userIds": [world.spare.id]])
                #expect(bulk.status == 403, "\(actor)")
            }
            #expect(try await api.send(.delete, "/api/admin/users/\(world.spare.id)").status == 401)
            let deleted = try await api.send(.delete, "/api/admin/users/\(world.spare.id)", token: world.root.accessToken)
            #expect(deleted.status == 200)
            #expect(deleted.data["deleted"] as? Bool == true)
            #expect(try await api.send(.get, "/api/users/\(world.spare.id)", token: world.root.accessToken).status == 404)
        }
    }
}
