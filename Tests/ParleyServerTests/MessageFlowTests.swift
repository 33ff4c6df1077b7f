import Foundation
import ParleyCore
import Testing
@testable import ParleyServer

/// Message behaviour a chat user would notice.
@Suite("Messages, replies, reactions, read state and search")
struct MessageFlowTests {
    static func post(_ api: APIClient, _ account: Account, _ channelId: String, _ text: String) async throws -> [String: Any] {
        let response = try await api.send(.post, "/api/messages", token: account.accessToken, json: ["channelId": channelId, "text": text])
        guard response.status == 201 else { throw TestFailure("post: \(response.status) \(response.text)") }
        return response.data
    }

    static func texts(_ response: APIResponse) -> [String] {
        (response.json["data"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
    }

    /// The texts of a search answer (`data.messages`).
    static func foundTexts(_ response: APIResponse) -> [String] {
        (response.data["messages"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
    }

    @Test func historyPagesWithCursorsMissNothingWhileMessagesArrive() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            for index in 0..<25 { _ = try await Self.post(api, world.member, channel, "m\(index)") }

            // Newest page first, oldest-first inside the page (the old API's order).
            let newest = try await api.send(.get, "/api/messages/channel/\(channel)?limit=10", token: world.member.accessToken)
            #expect(Self.texts(newest) == (15..<25).map { "m\($0)" })
            let offset = try await api.send(.get, "/api/messages/channel/\(channel)?limit=10&offset=20", token: world.member.accessToken)
            #expect(Self.texts(offset) == (0..<5).map { "m\($0)" })

            // Scroll back with `before` while new messages keep arriving.
            var seen = Self.texts(newest)
            var cursor = try #require((newest.json["data"] as? [[String: Any]])?.first?["_id"] as? String)
            var arrivals = 0
            while true {
                _ = try await Self.post(api, world.groupAdmin, channel, "late\(arrivals)")
                arrivals += 1
                let page = try await api.send(.get, "/api/messages/channel/\(channel)?limit=10&before=\(cursor)", token: world.member.accessToken)
                let items = page.json["data"] as? [[String: Any]] ?? []
                if items.isEmpty { break }
                seen = Self.texts(page) + seen
                cursor = try #require(items.first?["_id"] as? String)
            }
            #expect(seen == (0..<25).map { "m\($0)" })

            // Catch up with `after`: exactly the messages that arrived, in order.
            let lastSeen = try #require((newest.json["data"] as? [[String: Any]])?.last?["_id"] as? String)
            let caughtUp = try await api.send(.get, "/api/messages/channel/\(channel)?limit=100&after=\(lastSeen)", token: world.member.accessToken)
            #expect(Self.texts(caughtUp) == (0..<arrivals).map { "late\($0)" })
            #expect(try await api.send(.get, "/api/messages/channel/\(channel)?before=aaaaaaaaaaaaaaaaaaaaaaaa", token: world.member.accessToken).status == 400)
            #expect(try await api.send(.get, "/api/messages/channel/\(channel)?limit=1000", token: world.member.accessToken).status == 400)
        }
    }

    @Test func editsKeepHistoryAndDeletesLeaveTombstones() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            let id = try #require(try await Self.post(api, world.member, channel, "first draft")["_id"] as? String)

            let edited = try await api.send(.put, "/api/messages/\(id)", token: world.member.accessToken, json: ["text": "second draft"])
            #expect(edited.data["isEdited"] as? Bool == true)
            #expect(edited.data["editedAt"] is String)
            #expect(try await api.send(.put, "/api/messages/\(id)", token: world.member.accessToken, json: ["text": "x", "userId": world.root.id]).status == 400)
            let versions = try await api.send(.get, "/api/messages/\(id)/edits", token: world.groupAdmin.accessToken)
            #expect((versions.json["data"] as? [[String: Any]])?.map { $0["previousText"] as? String } == ["first draft"])

            // A group admin moderates: the message stays as a tombstone.
            let deleted = try await api.send(.delete, "/api/messages/\(id)", token: world.groupAdmin.accessToken)
            #expect(deleted.status == 200)
            let history = try await api.send(.get, "/api/messages/channel/\(channel)?includeDeleted=true", token: world.member.accessToken)
            let tombstone = try #require((history.json["data"] as? [[String: Any]])?.first { $0["_id"] as? String == id })
            #expect(tombstone["isDeleted"] as? Bool == true)
            #expect(tombstone["text"] is NSNull)
            #expect(try await api.send(.put, "/api/messages/\(id)", token: world.member.accessToken, json: ["text": "revive"]).status == 404)
            let logs = try await api.send(.get, "/api/admin/logs?action=message.delete", token: world.root.accessToken)
            #expect(logs.data["total"] as? Int == 1)
        }
    }

    @Test func reactionsAreOnePerUserWith201Then200() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            let id = try #require(try await Self.post(api, world.member, channel, "react to me")["_id"] as? String)
            let first = try await api.send(.post, "/api/messages/\(id)/reactions", token: world.member.accessToken, json: ["reaction": "👍"])
            #expect(first.status == 201)
            #expect(first.json["statusCode"] as? Int == 201)
            #expect(first.message == "Reaction added successfully")
            let replaced = try await api.send(.post, "/api/messages/\(id)/reactions", token: world.member.accessToken, json: ["reaction": "🎉"])
            #expect(replaced.status == 200)
            #expect(replaced.json["statusCode"] as? Int == 200)
            _ = try await api.send(.post, "/api/messages/\(id)/reactions", token: world.groupAdmin.accessToken, json: ["reaction": "🎉"])

            let summary = try await api.send(.get, "/api/messages/\(id)/reactions", token: world.member.accessToken)
            #expect(summary.data["totalReactions"] as? Int == 2)
            #expect(summary.data["reactionCounts"] as? [String: Int] == ["🎉": 2])
            let check = try await api.send(.get, "/api/messages/\(id)/reactions/check", token: world.member.accessToken)
            #expect(check.data["reaction"] as? String == "🎉")
            #expect(try await api.send(.delete, "/api/messages/\(id)/reactions", token: world.member.accessToken).status == 200)
            #expect(try await api.send(.delete, "/api/messages/\(id)/reactions", token: world.member.accessToken).status == 404)
            let batch = try await api.send(.post, "/api/messages/reactions/batch", token: world.member.accessToken, json: ["messageIds": [id]])
            #expect((batch.data[id] as? [String: Any])?["totalReactions"] as? Int == 1)
            #expect(try await api.send(.post, "/api/messages/\(id)/reactions", token: world.member.accessToken, json: ["reaction": ""]).status == 400)
            #expect(try await api.send(.post, "/api/messages/\(id)/reactions", token: world.member.accessToken, json: ["reaction": String(repeating: "x", count: 40)]).status == 400)
        }
    }

    /// Found by schemathesis: a repeated id in `messageIds` trapped building the answer and took
    /// the server down.
    @Test func batchesAnswerARepeatedMessageIdOnce() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            let id = try #require(try await Self.post(api, world.member, channel, "twice")["_id"] as? String)
            _ = try await api.send(.post, "/api/messages/\(id)/reactions", token: world.member.accessToken, json: ["reaction": "👍"])
            let unknown = "000000000000000000000000"
            for path in ["/api/messages/reactions/batch", "/api/messages/replies/batch"] {
                let batch = try await api.send(.post, path, token: world.member.accessToken, json: ["messageIds": [id, id, unknown, unknown]])
                #expect(batch.status == 200, "\(path)")
                #expect(Set(batch.data.keys) == [id, unknown], "\(path)")
            }
            let reactions = try await api.send(.post, "/api/messages/reactions/batch", token: world.member.accessToken, json: ["messageIds": [id, id]])
            #expect((reactions.data[id] as? [String: Any])?["totalReactions"] as? Int == 1)
            #expect(try await api.send(.get, "/health").status == 200)
        }
    }

    @Test func repliesCountOnTheParentAndStayInItsChannel() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let parentId = try #require(try await Self.post(api, world.member, target.extraChannelId, "question?")["_id"] as? String)
            let reply = try await api.send(.post, "/api/messages/\(parentId)/replies", token: world.groupAdmin.accessToken, json: ["text": "answer", "channelId": target.extraChannelId])
            #expect(reply.status == 201)
            #expect(reply.json["statusCode"] as? Int == 201)
            let replyId = try #require((reply.data["reply"] as? [String: Any])?["_id"] as? String)
            #expect((reply.data["parent"] as? [String: Any])?["replyCount"] as? Int == 1)
            let elsewhere = try await api.send(.post, "/api/messages/\(parentId)/replies", token: world.member.accessToken, json: ["text": "x", "channelId": target.generalChannelId])
            #expect(elsewhere.status == 400)

            let list = try await api.send(.get, "/api/messages/\(parentId)/replies", token: world.member.accessToken)
            #expect(((list.data["pagination"] as? [String: Any])?["total"] as? Int) == 1)
            #expect(try await api.send(.delete, "/api/messages/replies/\(replyId)", token: world.member.accessToken).status == 403)
            #expect(try await api.send(.delete, "/api/messages/replies/\(replyId)", token: world.groupAdmin.accessToken).status == 200)
            let parent = try await api.send(.get, "/api/messages/\(parentId)", token: world.member.accessToken)
            #expect(parent.data["replyCount"] as? Int == 0)
        }
    }

    @Test func unreadCountsFollowReadsAndIgnoreOwnMessages() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            for index in 0..<3 { _ = try await Self.post(api, world.groupAdmin, target.extraChannelId, "news \(index)") }
            _ = try await Self.post(api, world.member, target.extraChannelId, "my own")
            let before = try await api.send(.get, "/api/messages/unread-counts", token: world.member.accessToken)
            #expect((before.data["counts"] as? [String: Int])?[target.extraChannelId] == 3)
            #expect(try await api.send(.post, "/api/messages/mark-read", token: world.member.accessToken, json: ["channelId": target.extraChannelId]).status == 200)
            _ = try await Self.post(api, world.groupAdmin, target.extraChannelId, "after read")
            let after = try await api.send(.get, "/api/messages/unread-counts", token: world.member.accessToken)
            #expect((after.data["counts"] as? [String: Int])?[target.extraChannelId] == 1)
            #expect(after.data["total"] as? Int == 1)
        }
    }

    @Test func mentionsAreStoredAndNotifyMembersOnly() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let message = try await Self.post(api, world.groupAdmin, target.extraChannelId, "hey @member and @outsider, mail me at x@example.com")
            #expect(message["mentions"] as? [String] == [world.member.id])
            let notices = try await api.send(.get, "/api/client/notifications", token: world.member.accessToken)
            #expect((notices.json["data"] as? [[String: Any]])?.first?["type"] as? String == "mention")
            let outsider = try await api.send(.get, "/api/client/notifications/unread-count", token: world.outsider.accessToken)
            #expect(outsider.data["count"] as? Int == 0)
        }
    }

    @Test func searchIsScopedRankedAndFindsCJK() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let other = try await world.makeTarget(isPrivate: false, admin: world.otherGroupAdmin)
            for text in ["東京タワーに行きました", "안녕하세요 여러분", "Deploy the release tonight", "release notes: deploy"] {
                _ = try await Self.post(api, world.member, target.extraChannelId, text)
            }
            _ = try await Self.post(api, world.otherGroupAdmin, other.generalChannelId, "release from the other group")

            func search(_ query: String, _ account: Account) async throws -> [String] {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
                return Self.foundTexts(try await api.send(.get, "/api/messages/search?q=\(encoded)", token: account.accessToken))
            }
            #expect(try await search("東京タワー", world.member) == ["東京タワーに行きました"])
            #expect(try await search("안녕하세요", world.member) == ["안녕하세요 여러분"])
            #expect(Set(try await search("RELEASE", world.member)) == ["Deploy the release tonight", "release notes: deploy"])
            #expect(try await search("release", world.otherGroupAdmin) == ["release from the other group"])
            #expect(try await search("\"release\" OR *", world.member).isEmpty)
            let withQuery = try await api.send(.get, "/api/messages/search?query=tonight", token: world.member.accessToken)
            #expect(Self.foundTexts(withQuery) == ["Deploy the release tonight"])
            #expect(try await api.send(.get, "/api/messages/search", token: world.member.accessToken).status == 400)
        }
    }

    @Test func restChangesArePublishedOnTheEventBus() async throws {
        let bus = InProcessEventBus()
        let events = bus.subscribe()
        try await TestApp.run(events: bus) { api in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            let id = try #require(try await Self.post(api, world.member, channel, "published")["_id"] as? String)
            _ = try await api.send(.put, "/api/messages/\(id)", token: world.member.accessToken, json: ["text": "published again"])
            _ = try await api.send(.post, "/api/messages/\(id)/reactions", token: world.member.accessToken, json: ["reaction": "👍"])
            _ = try await api.send(.post, "/api/messages/\(id)/replies", token: world.groupAdmin.accessToken, json: ["text": "threaded"])
            _ = try await api.send(.delete, "/api/messages/\(id)", token: world.member.accessToken)
        }
        // A sentinel published last marks the end, so the loop cannot wait forever.
        let sentinel = ObjectId()
        bus.publish(.memberLeft(groupId: sentinel, userId: sentinel))
        var kinds: [String] = []
        for await event in events {
            if case .memberLeft(let groupId, _) = event, groupId == sentinel { break }
            switch event {
            case .messageCreated(let message, _) where message.text == "published": kinds.append("created")
            case .messageEdited(let message) where message.text == "published again": kinds.append("edited")
            case .reactionChanged(_, _, _, let reaction) where reaction == "👍": kinds.append("reaction")
            case .replyCreated(let reply, let parent) where reply.text == "threaded" && parent.replyCount == 1: kinds.append("reply")
            case .messageDeleted: kinds.append("deleted")
            default: break
            }
        }
        #expect(kinds == ["created", "edited", "reaction", "reply", "deleted"])
    }

    @Test func badMessageInputIsRefused() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            let token = world.member.accessToken
            let bodies: [[String: Any]] = [
                [:], ["text": "no channel"], ["channelId": "bad", "text": "x"], ["channelId": channel], ["channelId": channel, "text": "   "],
                ["channelId": channel, "text": 5], ["channelId": channel, "text": "x", "type": "video"],
                ["channelId": channel, "type": "image"], ["channelId": channel, "text": String(repeating: "a", count: 10_001)],
            ]
            for body in bodies {
                let response = try await api.send(.post, "/api/messages", token: token, json: body)
                #expect(response.status == 400, "\(body.keys.sorted()): \(response.text)")
            }
            #expect(try await api.send(.post, "/api/messages", token: token, json: ["channelId": "aaaaaaaaaaaaaaaaaaaaaaaa", "text": "x"]).status == 404)
            #expect(try await api.send(.get, "/api/messages/not-an-id", token: token).status == 400)
            let history = try await api.send(.get, "/api/messages/channel/\(channel)", token: token)
            #expect((history.json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func aGroupIdStandsForItsGeneralChannel() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let posted = try await Self.post(api, world.member, target.groupId, "into general")
            #expect(posted["channelId"] as? String == target.generalChannelId)
            let legacy = try await api.send(.get, "/api/messages/\(target.generalChannelId)?page=1&limit=10", token: world.member.accessToken)
            #expect(Self.texts(legacy) == ["into general"])
        }
    }
}
