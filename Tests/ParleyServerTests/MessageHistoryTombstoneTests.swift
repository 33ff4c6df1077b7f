import Foundation
import Testing

/// Deleted messages in history: left out by default, as the old server did (the Angular client
/// never checks `isDeleted` and would show empty bubbles), and back with `includeDeleted=true`.
@Suite("History without tombstones")
struct MessageHistoryTombstoneTests {
    static func ids(_ response: APIResponse) -> [String] {
        (response.json["data"] as? [[String: Any]])?.compactMap { $0["_id"] as? String } ?? []
    }

    @Test func historyLeavesDeletedMessagesOutUnlessAskedAndStillFillsThePage() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            let token = world.member.accessToken
            var ids: [String] = []
            for index in 0..<8 {
                ids.append(try #require(try await MessageFlowTests.post(api, world.member, channel, "m\(index)")["_id"] as? String))
            }
            // The two newest and one in the middle are deleted.
            for id in [ids[7], ids[6], ids[3]] {
                #expect(try await api.send(.delete, "/api/messages/\(id)", token: token).status == 200)
            }
            let live = [0, 1, 2, 4, 5].map { ids[$0] }

            let history = try await api.send(.get, "/api/messages/channel/\(channel)", token: token)
            #expect(history.status == 200)
            #expect(Self.ids(history) == live)
            #expect((history.json["data"] as? [[String: Any]])?.allSatisfy { $0["isDeleted"] as? Bool == false } == true)

            // `limit` counts live messages: three of them, not the three newest rows.
            let page = try await api.send(.get, "/api/messages/channel/\(channel)?limit=3", token: token)
            #expect(Self.ids(page) == [ids[2], ids[4], ids[5]])
            let older = try await api.send(.get, "/api/messages/channel/\(channel)?limit=3&before=\(ids[4])", token: token)
            #expect(Self.ids(older) == [ids[0], ids[1], ids[2]])
            // A cursor on a message deleted since it was read still works.
            let fromDeleted = try await api.send(.get, "/api/messages/channel/\(channel)?after=\(ids[3])", token: token)
            #expect(Self.ids(fromDeleted) == [ids[4], ids[5]])

            let everything = try await api.send(.get, "/api/messages/channel/\(channel)?includeDeleted=true", token: token)
            #expect(Self.ids(everything) == ids)
            let tombstone = try #require((everything.json["data"] as? [[String: Any]])?.first { $0["_id"] as? String == ids[3] })
            #expect(tombstone["isDeleted"] as? Bool == true)
            #expect(tombstone["text"] is NSNull)
            let explicit = try await api.send(.get, "/api/messages/channel/\(channel)?includeDeleted=false", token: token)
            #expect(Self.ids(explicit) == live)

            let bad = try await api.send(.get, "/api/messages/channel/\(channel)?includeDeleted=maybe", token: token)
            #expect(bad.status == 400)
            #expect(bad.json["code"] as? String == "VALIDATION_ERROR")
        }
    }

    @Test func theGroupIdFormAndTheClientRoutesLeaveThemOutToo() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let token = world.member.accessToken
            // The Angular chat screen posts and reads with the group id.
            let kept = try #require(try await MessageFlowTests.post(api, world.member, target.groupId, "kept")["_id"] as? String)
            let gone = try #require(try await MessageFlowTests.post(api, world.member, target.groupId, "gone")["_id"] as? String)
            #expect(try await api.send(.delete, "/api/messages/\(gone)", token: token).status == 200)

            #expect(Self.ids(try await api.send(.get, "/api/messages/channel/\(target.groupId)", token: token)) == [kept])
            #expect(Self.ids(try await api.send(.get, "/api/messages/channel/\(target.generalChannelId)", token: token)) == [kept])
            #expect(
                Self.ids(try await api.send(.get, "/api/messages/channel/\(target.groupId)?includeDeleted=true", token: token))
                    == [kept, gone])
            #expect(Self.ids(try await api.send(.get, "/api/client/messages?channelId=\(target.generalChannelId)", token: token)) == [kept])
        }
    }

    @Test func aReplyToADeletedMessageKeepsPointingAtIt() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            let parentId = try #require(try await MessageFlowTests.post(api, world.member, channel, "question?")["_id"] as? String)
            let reply = try await api.send(
                .post, "/api/messages/\(parentId)/replies", token: world.spare.accessToken, json: ["text": "answer", "channelId": channel])
            let replyId = try #require((reply.data["reply"] as? [String: Any])?["replyMessageId"] as? String)
            #expect(try await api.send(.delete, "/api/messages/\(parentId)", token: world.member.accessToken).status == 200)

            let history = try await api.send(.get, "/api/messages/channel/\(channel)", token: world.member.accessToken)
            let shown = try #require((history.json["data"] as? [[String: Any]])?.first)
            #expect(Self.ids(history) == [replyId])
            #expect(shown["replyTo"] as? String == parentId)
            let thread = try await api.send(.get, "/api/messages/\(parentId)/replies", token: world.member.accessToken)
            #expect(((thread.data["pagination"] as? [String: Any])?["total"] as? Int) == 1)
        }
    }
}
