import Foundation
import Testing

@testable import ParleyServer

@Suite struct GatewayBadInputTests {
    /// The payloads that crashed the old server (`42["typing"]`, `42["typing",null]`) and their
    /// cousins: each gets an `error` event and the socket keeps working.
    @Test func badPayloadsGetAnErrorEventAndNothingElse() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let socket = try await gateway.connect(gateway.world.member)
            let channel = gateway.target.extraChannelId
            let cases: [(String, Any?, String)] = [
                ("typing", nil, "Event payload must be a JSON object"),
                ("typing", NSNull(), "Event payload must be a JSON object"),
                ("stop_typing", "channel", "Event payload must be a JSON object"),
                ("leave_channel", [String: Any](), "Channel ID is required"),
                ("get_channel_users", ["channelId": 42], "channelId must be a string"),
                ("join_channel", ["channelId": "not-an-id"], "Invalid channel id"),
                ("send_message", ["channelId": channel, "text": ["$gt": ""]], "text must be a string"),
                ("send_message", ["text": "no channel"], "Channel ID is required"),
                ("send_message", ["channelId": channel, "text": String(repeating: "x", count: 70_000)], "Event payload is larger than the limit of 65536 bytes"),
                ("update_presence", ["status": "invisible"], "status must be online, away, busy or offline"),
            ]
            for (event, payload, expected) in cases {
                try socket.emit(event, payload)
                let error = try await socket.next("error")
                #expect((error.payload["message"] as? String)?.hasPrefix(expected) == true, "\(event): \(error.payload)")
            }
            let ack = try await socket.request("send_message", ["channelId": channel, "text": "still here"])
            #expect(ack["success"] as? Bool == true)
            let history = try await api.send(.get, "/api/messages/channel/\(channel)", token: gateway.world.member.accessToken)
            #expect((history.json["data"] as? [[String: Any]])?.map { $0["text"] as? String } == ["still here"], "nothing half-written")
            await socket.close()
        }
    }

    @Test func sendMessageIsRateLimitedPerSocket() async throws {
        try await TestApp.run(configure: { $0.realtime.messageRate = EventRate(perSecond: 1, burst: 3) }) { api in
            let gateway = try await GatewayWorld.make(api)
            let socket = try await gateway.connect(gateway.world.member)
            var outcomes: [Bool] = []
            for index in 0..<6 {
                let ack = try await socket.request("send_message", ["channelId": gateway.target.extraChannelId, "text": "burst \(index)"])
                outcomes.append(ack["success"] as? Bool == true)
                if ack["success"] as? Bool == false { #expect(ack["message"] as? String == "Too many events, slow down") }
            }
            #expect(outcomes.prefix(3) == [true, true, true])
            #expect(outcomes.filter { $0 }.count <= 4, "\(outcomes)")
            await socket.close()
        }
    }

    @Test func aBurstOfMalformedPacketsLeavesOtherUsersServed() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let attacker = try await gateway.connect(world.outsider)
            let alice = try await gateway.connect(world.member)
            let bob = try await gateway.connect(world.spare)
            let garbage = ["42[", "4", "49", "42[\"typing\",{\"channelId\":", "45-[]", "42[1,2,3]", "4{}", "42\"x\"", "9", "", "42[\"send_message\",{\"channelId\":{\"$ne\":null}}]"]
            for _ in 0..<20 {
                for packet in garbage { attacker.sendRaw(packet) }
            }
            let ack = try await alice.request("send_message", ["channelId": gateway.target.extraChannelId, "text": "after the storm"])
            #expect(ack["success"] as? Bool == true)
            let delivered = try await bob.next("new_message")
            #expect((delivered.payload["message"] as? [String: Any])?["text"] as? String == "after the storm")
            let health = try await api.send(.get, "/health")
            #expect(health.status == 200)
            for socket in [attacker, alice, bob] { await socket.close() }
        }
    }
}
