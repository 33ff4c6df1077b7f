import Foundation
import Testing

@testable import ParleyServer

@Suite struct PeerServerTests {
    @Test func signalingIsRelayedOnlyBetweenPeersRegisteredInOneVideoRoom() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let port = gateway.port
            let room = "room_\(gateway.target.extraChannelId)"
            let aliceSocket = try await gateway.connect(world.member)
            let bobSocket = try await gateway.connect(world.spare)

            // PeerJS first (the Angular client connects before it joins the room).
            let alice = TestPeerClient.connect(port: port, id: "alice-peer", token: "t1")
            let bob = TestPeerClient.connect(port: port, id: "bob-peer", token: "t2")
            let stranger = TestPeerClient.connect(port: port, id: "stranger-peer", token: "t3")
            for client in [alice, bob, stranger] { _ = try await client.next("OPEN") }

            let first = try await aliceSocket.request("join_video_room", ["roomId": room, "peerId": "alice-peer"])
            #expect(first["success"] as? Bool == true, "\(first)")
            _ = try await aliceSocket.next("room_participants")
            _ = try await bobSocket.request("join_video_room", ["roomId": room, "peerId": "bob-peer", "userId": "spoofed"])
            let participants = try await bobSocket.next("room_participants")
            #expect(participants.payload["participants"] as? [String] == ["alice-peer"])
            let joined = try await aliceSocket.next("peer_joined_room")
            #expect(joined.payload["peerId"] as? String == "bob-peer")
            #expect(joined.payload["userId"] as? String == world.spare.id, "the user id comes from the socket, not the client")

            try alice.send(["type": "OFFER", "dst": "bob-peer", "src": "someone-else", "payload": ["sdp": ["type": "offer", "sdp": "v=0"], "type": "media", "connectionId": "mc_1"]])
            let offer = try await bob.next("OFFER")
            #expect(offer["src"] as? String == "alice-peer", "src is the sender's own id")
            #expect((offer["payload"] as? [String: Any])?["connectionId"] as? String == "mc_1")
            try bob.send(["type": "ANSWER", "dst": "alice-peer", "payload": ["sdp": ["type": "answer", "sdp": "v=0"], "connectionId": "mc_1"]])
            #expect(try await alice.next("ANSWER")["src"] as? String == "bob-peer")

            // A peer nobody registered in the room neither sends nor receives signaling.
            try stranger.send(["type": "OFFER", "dst": "alice-peer", "payload": ["sdp": "x"]])
            #expect(try await stranger.next("EXPIRE")["src"] as? String == "alice-peer")
            try alice.send(["type": "CANDIDATE", "dst": "stranger-peer", "payload": ["candidate": "x"]])
            _ = try await alice.next("EXPIRE")
            try await Task.sleep(for: .milliseconds(200))
            #expect(alice.received("OFFER").isEmpty)
            #expect(stranger.received("CANDIDATE").isEmpty)

            // A peer id belongs to the user who registered it.
            let outsiderSocket = try await gateway.connect(world.groupAdmin)
            try outsiderSocket.emit("join_video_room", ["roomId": room, "peerId": "alice-peer"])
            #expect(try await outsiderSocket.next("video_room_error").payload["message"] as? String == "Peer id is taken")

            // Leaving (here by disconnecting) tells the room and ends the relay.
            await bobSocket.close()
            #expect(try await aliceSocket.next("peer_left_room").payload["peerId"] as? String == "bob-peer")
            try alice.send(["type": "OFFER", "dst": "bob-peer", "payload": ["sdp": "again"]])
            _ = try await alice.next("EXPIRE")
            for client in [alice, bob, stranger] { await client.close() }
            await aliceSocket.close()
            await outsiderSocket.close()
        }
    }

    @Test func connectionRefusalsFollowPeerJS() async throws {
        try await TestApp.run { api in
            let port = try #require(api.client.port)
            let first = TestPeerClient.connect(port: port, id: "peer-one", token: "secret")
            _ = try await first.next("OPEN")
            let thief = TestPeerClient.connect(port: port, id: "peer-one", token: "other")
            #expect(try await thief.next("ID-TAKEN")["payload"] as? [String: String] == ["msg": "ID is taken"])
            let wrongKey = TestPeerClient.connect(port: port, id: "peer-two", token: "t", key: "nope")
            _ = try await wrongKey.next("INVALID-KEY")
            let noToken = TestPeerClient.connect(port: port, id: "peer-three", token: "")
            #expect((try await noToken.next("ERROR")["payload"] as? [String: String])?["msg"] == "No id, token, or key supplied to websocket server")
            try first.send(["type": "HEARTBEAT"])

            let id = try await api.send(.get, "/peerjs/peerjs/id")
            #expect(id.status == 200)
            #expect(UUID(uuidString: id.text) != nil)
            #expect(try await api.send(.get, "/peerjs/peerjs/peers").status == 401, "listing peers is off")
            for client in [first, thief, wrongKey, noToken] { await client.close() }
        }
    }

    @Test func videoRoomsNeedAccessToTheirChannel() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let outsider = try await gateway.connect(gateway.world.outsider)
            try outsider.emit("join_video_room", ["roomId": "room_\(gateway.target.extraChannelId)", "peerId": "eve-peer"])
            #expect(try await outsider.next("video_room_error").payload["message"] as? String == "Access denied to this video room")
            try outsider.emit("join_video_room", ["roomId": "anything", "peerId": "eve-peer"])
            _ = try await outsider.next("video_room_error")
            try outsider.emit("join_video_room", ["roomId": "room_\(gateway.target.extraChannelId)", "peerId": "../../etc"])
            _ = try await outsider.next("video_room_error")
            await outsider.close()
        }
    }
}
