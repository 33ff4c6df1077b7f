import Foundation
import Testing

@testable import ParleyServer

/// `previous_messages` on `join_channel`: the latest live messages, tombstones left out.
@Suite struct GatewayHistoryTests {
    @Test func previousMessagesAreAFullPageOfLiveMessages() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let channel = gateway.target.extraChannelId
            let pageSize = ChatGateway.previousMessagesCount
            for index in 0..<pageSize { _ = try await gateway.post(world.member, channel: channel, text: "live \(index)") }
            let deleted = try #require(try await gateway.post(world.member, channel: channel, text: "regretted")["_id"] as? String)
            let watcher = try await gateway.connect(world.spare)
            #expect(try await api.send(.delete, "/api/messages/\(deleted)", token: world.member.accessToken).status == 200)
            // Deleting still tells the room.
            #expect(try await watcher.next("message_deleted").payload["messageId"] as? String == deleted)

            let joiner = try await gateway.connect(world.member)
            #expect(try await joiner.request("join_channel", ["channelId": channel])["success"] as? Bool == true)
            let previous = try #require(try await joiner.next("previous_messages").payload["messages"] as? [[String: Any]])
            #expect(previous.count == pageSize)
            #expect(previous.first?["text"] as? String == "live \(pageSize - 1)")
            #expect(previous.last?["text"] as? String == "live 0")
            #expect(previous.allSatisfy { $0["isDeleted"] as? Bool == false })

            // A client that shows tombstones asks for them.
            let withTombstones = try await gateway.connect(world.spare)
            #expect(try await withTombstones.request("join_channel", ["channelId": channel, "includeDeleted": true])["success"] as? Bool == true)
            let all = try #require(try await withTombstones.next("previous_messages").payload["messages"] as? [[String: Any]])
            #expect(all.count == pageSize)
            #expect(all.first?["_id"] as? String == deleted)
            #expect(all.first?["isDeleted"] as? Bool == true)
            for socket in [watcher, joiner, withTombstones] { await socket.close() }
        }
    }
}
