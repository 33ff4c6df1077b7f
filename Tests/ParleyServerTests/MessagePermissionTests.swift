import Foundation
import Testing

/// Message, reaction and reply routes against the six callers (anonymous, outsider, member,
/// admin of another group, admin of this group, super_admin). The message is the member's,
/// in a public channel of the target group.
@Suite("Message permission matrix")
struct MessagePermissionTests {
    typealias Case = PermissionMatrixCase

    static let cases: [Case] = [
        Case(.get, "/api/messages/channel/:id", on: .memberMessage, expect: [401, 404, 200, 404, 200, 200]) { "/api/messages/channel/\($0.target.extraChannelId)" },
        Case(.get, "/api/messages/channel/:id (private channel)", on: .memberMessage, expect: [401, 404, 404, 404, 200, 200]) {
            "/api/messages/channel/\($0.target.privateChannelId)"
        },
        Case(.post, "/api/messages", on: .memberMessage, body: { ["channelId": $0.target.extraChannelId, "text": "hi"] }, expect: [401, 404, 201, 404, 201, 201]) { _ in
            "/api/messages"
        },
        Case(.get, "/api/messages/:id", on: .memberMessage, expect: [401, 404, 200, 404, 200, 200]) { "/api/messages/\($0.messageId ?? "")" },
        Case(.put, "/api/messages/:id", on: .memberMessage, body: { _ in ["text": "edited"] }, expect: [401, 404, 200, 404, 403, 403]) { "/api/messages/\($0.messageId ?? "")" },
        Case(.delete, "/api/messages/:id", on: .memberMessage, expect: [401, 404, 200, 404, 200, 200]) { "/api/messages/\($0.messageId ?? "")" },
        Case(.get, "/api/messages/:id/edits", on: .memberMessage, expect: [401, 404, 403, 404, 200, 200]) { "/api/messages/\($0.messageId ?? "")/edits" },
        Case(.post, "/api/messages/:id/reactions", on: .memberMessage, body: { _ in ["reaction": "👍"] }, expect: [401, 404, 201, 404, 201, 201]) {
            "/api/messages/\($0.messageId ?? "")/reactions"
        },
        Case(.get, "/api/messages/:id/reactions", on: .memberMessage, expect: [401, 404, 200, 404, 200, 200]) { "/api/messages/\($0.messageId ?? "")/reactions" },
        Case(.get, "/api/messages/:id/reactions/check", on: .memberMessage, expect: [401, 404, 200, 404, 200, 200]) {
            "/api/messages/\($0.messageId ?? "")/reactions/check"
        },
        Case(.post, "/api/messages/:id/replies", on: .memberMessage, body: { _ in ["text": "a reply"] }, expect: [401, 404, 201, 404, 201, 201]) {
            "/api/messages/\($0.messageId ?? "")/replies"
        },
        Case(.get, "/api/messages/:id/replies", on: .memberMessage, expect: [401, 404, 200, 404, 200, 200]) { "/api/messages/\($0.messageId ?? "")/replies" },
        Case(.get, "/api/messages/:id/replies/count", on: .memberMessage, expect: [401, 404, 200, 404, 200, 200]) {
            "/api/messages/\($0.messageId ?? "")/replies/count"
        },
        Case(.post, "/api/messages/mark-read", on: .memberMessage, body: { ["channelId": $0.target.extraChannelId] }, expect: [401, 404, 200, 404, 200, 200]) { _ in
            "/api/messages/mark-read"
        },
        Case(.get, "/api/messages/search", on: .memberMessage, expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/messages/search?q=member" },
        Case(.get, "/api/messages/user/:id", on: .memberMessage, expect: [401, 200, 200, 200, 200, 200]) { "/api/messages/user/\($0.world.member.id)" },
        Case(.get, "/api/messages/unread-counts", on: .memberMessage, expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/messages/unread-counts" },
        Case(.get, "/api/messages/recent", on: .memberMessage, expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/messages/recent" },
        Case(.get, "/api/messages/stats", on: .memberMessage, expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/messages/stats" },
        Case(.post, "/api/messages/reactions/batch", on: .memberMessage, body: { ["messageIds": [$0.messageId ?? ""]] }, expect: [401, 200, 200, 200, 200, 200]) { _ in
            "/api/messages/reactions/batch"
        },
        Case(.post, "/api/messages/replies/batch", on: .memberMessage, body: { ["messageIds": [$0.messageId ?? ""]] }, expect: [401, 200, 200, 200, 200, 200]) { _ in
            "/api/messages/replies/batch"
        },
        Case(.get, "/api/client/messages", on: .memberMessage, expect: [401, 404, 200, 404, 200, 200]) { "/api/client/messages?channelId=\($0.target.extraChannelId)" },
        Case(.get, "/api/client/recent-messages", on: .memberMessage, expect: [401, 200, 200, 200, 200, 200]) { _ in "/api/client/recent-messages" },
        Case(.get, "/api/admin/messages", on: .memberMessage, expect: [401, 403, 403, 200, 200, 200]) { _ in "/api/admin/messages" },
    ]

    @Test func everyMessageRouteAnswersEachCallerAsTheTableSays() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            var mismatches: [String] = []
            for testCase in Self.cases {
                mismatches += try await testCase.run(in: world)
            }
            #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        }
    }

    @Test func outsidersLearnNothingThroughSearchOrUserHistory() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            try await world.expect(201, .post, "/api/messages", world.member, ["channelId": target.extraChannelId, "text": "secret plans for friday"])
            let outsiderSearch = try await api.send(.get, "/api/messages/search?query=secret", token: world.outsider.accessToken)
            #expect((outsiderSearch.data["messages"] as? [Any])?.isEmpty == true)
            #expect(outsiderSearch.data["total"] as? Int == 0)
            let memberSearch = try await api.send(.get, "/api/messages/search?query=secret", token: world.groupAdmin.accessToken)
            #expect((memberSearch.data["messages"] as? [[String: Any]])?.first?["text"] as? String == "secret plans for friday")
            let history = try await api.send(.get, "/api/messages/user/\(world.member.id)", token: world.outsider.accessToken)
            #expect((history.json["data"] as? [Any])?.isEmpty == true)
            let batch = try await api.send(.post, "/api/messages/reactions/batch", token: world.outsider.accessToken, json: ["messageIds": []])
            #expect(batch.status == 200)
        }
    }
}
