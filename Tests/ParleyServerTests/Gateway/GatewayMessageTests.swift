import Foundation
import Testing

@testable import ParleyServer

@Suite struct GatewayMessageTests {
    @Test func membersExchangeMessagesAndAnOutsiderHearsNothing() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let alice = try await gateway.connect(world.member)
            let bob = try await gateway.connect(world.spare)
            let outsider = try await gateway.connect(world.outsider)
            let channel = gateway.target.extraChannelId

            let ack = try await alice.request("send_message", ["channelId": channel, "text": "hello over a socket"])
            #expect(ack["success"] as? Bool == true)
            let stored = try #require(ack["message"] as? [String: Any])
            #expect(stored["text"] as? String == "hello over a socket")
            #expect(stored["userId"] as? String == world.member.id)

            let delivered = try await bob.next("new_message")
            #expect(delivered.payload["channelId"] as? String == channel)
            let message = try #require(delivered.payload["message"] as? [String: Any])
            #expect(message["_id"] as? String == stored["_id"] as? String)
            #expect(message["username"] as? String == "member")
            // The sender hears its own message too (the realtime screen shows it from the echo).
            _ = try await alice.next("new_message")

            // Stored first: REST history has it.
            let history = try await api.send(.get, "/api/messages/channel/\(channel)", token: world.spare.accessToken)
            #expect((history.json["data"] as? [[String: Any]])?.contains { $0["_id"] as? String == stored["_id"] as? String } == true)

            let reply = try await bob.request("send_message", ["channelId": channel, "text": "hi alice"])
            #expect(reply["success"] as? Bool == true)
            let answered = try await alice.next("new_message") { ($0.payload["message"] as? [String: Any])?["text"] as? String == "hi alice" }
            #expect(answered.payload["channelId"] as? String == channel)

            try await expectNone("new_message", on: outsider)
            for socket in [alice, bob, outsider] { await socket.close() }
        }
    }

    @Test func changesMadeOverRESTArriveOverTheSocket() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let watcher = try await gateway.connect(world.spare)
            let outsider = try await gateway.connect(world.outsider)
            let channel = gateway.target.extraChannelId

            let posted = try await gateway.post(world.member, channel: channel, text: "posted over REST")
            let id = try #require(posted["_id"] as? String)
            let created = try await watcher.next("new_message")
            #expect((created.payload["message"] as? [String: Any])?["_id"] as? String == id)

            #expect(try await api.send(.put, "/api/messages/\(id)", token: world.member.accessToken, json: ["text": "edited over REST"]).status == 200)
            let edited = try await watcher.next("message_edited")
            #expect((edited.payload["message"] as? [String: Any])?["text"] as? String == "edited over REST")
            #expect((edited.payload["message"] as? [String: Any])?["isEdited"] as? Bool == true)

            #expect(try await api.send(.post, "/api/messages/\(id)/reactions", token: world.member.accessToken, json: ["reaction": "👍"]).status == 201)
            let reaction = try await watcher.next("message_reaction")
            #expect(reaction.payload["messageId"] as? String == id)
            #expect(reaction.payload["reaction"] as? String == "👍")

            #expect(try await api.send(.delete, "/api/messages/\(id)", token: world.member.accessToken).status == 200)
            let deleted = try await watcher.next("message_deleted")
            #expect(deleted.payload["messageId"] as? String == id)
            #expect((deleted.payload["message"] as? [String: Any])?["isDeleted"] as? Bool == true)

            // A message sent to the group id (as the Angular chat screen does) goes to the
            // general channel and keeps the id the sender used, as the old server echoed it.
            _ = try await gateway.post(world.member, channel: gateway.target.groupId, text: "to the group")
            let viaGroup = try await watcher.next("new_message") { ($0.payload["message"] as? [String: Any])?["text"] as? String == "to the group" }
            #expect(viaGroup.payload["channelId"] as? String == gateway.target.groupId)
            #expect((viaGroup.payload["message"] as? [String: Any])?["channelId"] as? String == gateway.target.generalChannelId)

            for name in ["new_message", "message_edited", "message_deleted", "message_reaction"] {
                try await expectNone(name, on: outsider, after: .milliseconds(50))
            }
            await watcher.close()
            await outsider.close()
        }
    }

    @Test func privateChannelMessagesReachOnlyItsMembers() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            // The private channel holds its creator and the group's admins, not plain members.
            let admin = try await gateway.connect(world.groupAdmin)
            let member = try await gateway.connect(world.member)
            let refused = try await member.request("send_message", ["channelId": gateway.target.privateChannelId, "text": "let me in"])
            #expect(refused["success"] as? Bool == false)
            #expect(refused["message"] as? String == "Channel not found")
            _ = try await member.next("error")

            _ = try await gateway.post(world.groupAdmin, channel: gateway.target.privateChannelId, text: "admins only")
            _ = try await admin.next("new_message")
            try await expectNone("new_message", on: member)
            await admin.close()
            await member.close()
        }
    }

    @Test func roomsFollowGroupMembershipWithoutReconnecting() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let newcomer = try await gateway.connect(world.outsider)
            let channel = gateway.target.extraChannelId

            let added = try await api.send(
                .post, "/api/groups/\(gateway.target.groupId)/members", token: world.groupAdmin.accessToken, json: ["userId": world.outsider.id])
            #expect(added.status == 200, "\(added.text)")
            // Room changes are applied in the background; poll by posting until one arrives.
            var arrived = false
            for attempt in 0..<20 where !arrived {
                _ = try await gateway.post(world.member, channel: channel, text: "welcome \(attempt)")
                arrived = (try? await newcomer.next("new_message", timeout: .milliseconds(250))) != nil
            }
            #expect(arrived, "an added member receives the group's messages at once")

            let removed = try await api.send(
                .delete, "/api/groups/\(gateway.target.groupId)/members/\(world.outsider.id)", token: world.groupAdmin.accessToken)
            #expect(removed.status == 200, "\(removed.text)")
            try await Task.sleep(for: .milliseconds(300))
            let before = newcomer.received("new_message").count
            _ = try await gateway.post(world.member, channel: channel, text: "after removal")
            try await Task.sleep(for: .milliseconds(300))
            #expect(newcomer.received("new_message").count == before, "a removed member stops receiving")
            await newcomer.close()
        }
    }

    @Test func joinChannelSendsHistoryNewestFirstAndTellsTheRoom() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let channel = gateway.target.extraChannelId
            for index in 1...3 { _ = try await gateway.post(world.member, channel: channel, text: "old \(index)") }
            let watcher = try await gateway.connect(world.spare)
            let joiner = try await gateway.connect(world.member)

            let ack = try await joiner.request("join_channel", ["channelId": channel])
            #expect(ack["success"] as? Bool == true)
            let previous = try await joiner.next("previous_messages")
            #expect(previous.payload["channelId"] as? String == channel)
            let texts = (previous.payload["messages"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
            #expect(texts == ["old 3", "old 2", "old 1"])

            let joined = try await watcher.next("user_joined")
            #expect(joined.payload["message"] as? String == "member joined the channel")
            _ = try await watcher.next("user_joined_channel")
            let users = try await watcher.next("channel_users")
            let ids = Set((users.payload["users"] as? [[String: Any]])?.compactMap { $0["userId"] as? String } ?? [])
            #expect(ids == [world.member.id, world.spare.id])

            #expect(try await joiner.request("leave_channel", ["channelId": channel])["success"] as? Bool == true)
            let left = try await watcher.next("user_left")
            #expect(left.payload["userId"] as? String == world.member.id)
            await watcher.close()
            await joiner.close()
        }
    }
}
