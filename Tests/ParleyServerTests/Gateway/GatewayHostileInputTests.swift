import Foundation
import Testing

/// Issue 14: Socket.IO inputs that ended the whole process, against the real gateway.
@Suite struct GatewayHostileInputTests {
    static let placeholder = #"{"_placeholder":true,"num":1e20}"#

    @Test func placeholdersOutsideBinaryPacketsAreDataAndOthersStayServed() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let alice = try await gateway.connect(gateway.world.member)
            let bob = try await gateway.connect(gateway.world.spare)
            let attacker = try await gateway.connect(gateway.world.outsider)

            // Polling, no token: the placeholder is the CONNECT's auth object, and the answer
            // is the gateway's CONNECT_ERROR.
            let open = try await api.send(.get, "/socket.io/?EIO=4&transport=polling")
            let handshake = try JSONSerialization.jsonObject(with: Data(open.text.utf8.dropFirst())) as? [String: Any]
            let sid = try #require(handshake?["sid"] as? String)
            let post = try await api.send(.post, "/socket.io/?EIO=4&transport=polling&sid=\(sid)", rawBody: "40" + Self.placeholder)
            #expect(post.status == 200)
            let answer = try await api.send(.get, "/socket.io/?EIO=4&transport=polling&sid=\(sid)")
            #expect(answer.text.hasPrefix("44{"), "\(answer.text)")

            // WebSocket, connected: an unknown event, and a placeholder where the text goes.
            attacker.sendRaw(#"42["x","# + Self.placeholder + "]")
            let channel = gateway.target.extraChannelId
            attacker.sendRaw(#"42["send_message",{"channelId":"\#(channel)","text":"# + Self.placeholder + "}]")
            let error = try await attacker.next("error")
            #expect(error.payload["message"] as? String == "text must be a string")

            let ack = try await alice.request("send_message", ["channelId": channel, "text": "after the placeholders"])
            #expect(ack["success"] as? Bool == true)
            let delivered = try await bob.next("new_message")
            #expect((delivered.payload["message"] as? [String: Any])?["text"] as? String == "after the placeholders")
            #expect(try await api.send(.get, "/health").status == 200)
            for socket in [alice, bob, attacker] { await socket.close() }
        }
    }

    @Test func aPlaceholderWithoutItsAttachmentClosesOnlyThatSession() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let alice = try await gateway.connect(gateway.world.member)
            let attacker = try await gateway.connect(gateway.world.outsider)
            // A binary packet that declares no attachment yet holds a placeholder.
            attacker.sendRaw(#"450-["send_message",{"channelId":"x","text":"# + Self.placeholder + "}]")
            for _ in 0..<250 where !attacker.closed { try await Task.sleep(for: .milliseconds(20)) }
            #expect(attacker.closed)
            let ack = try await alice.request("send_message", ["channelId": gateway.target.extraChannelId, "text": "still served"])
            #expect(ack["success"] as? Bool == true)
            await alice.close()
        }
    }
}
