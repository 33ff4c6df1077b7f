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
            // Ids as the Angular client makes them: <userId>_<Date.now()>_<random>.
            let alicePeer = "\(world.member.id)_1700000000000_a1b2c3"
            let bobPeer = "\(world.spare.id)_1700000000000_d4e5f6"
            let strangerPeer = "\(world.outsider.id)_1700000000000_g7h8i9"

            // PeerJS first (the Angular client connects before it joins the room).
            let alice = TestPeerClient.connect(port: port, id: alicePeer, token: "t1")
            let bob = TestPeerClient.connect(port: port, id: bobPeer, token: "t2")
            let stranger = TestPeerClient.connect(port: port, id: strangerPeer, token: "t3")
            for client in [alice, bob, stranger] { _ = try await client.next("OPEN") }

            let first = try await aliceSocket.request("join_video_room", ["roomId": room, "peerId": alicePeer])
            #expect(first["success"] as? Bool == true, "\(first)")
            _ = try await aliceSocket.next("room_participants")
            _ = try await bobSocket.request("join_video_room", ["roomId": room, "peerId": bobPeer, "userId": "spoofed"])
            let participants = try await bobSocket.next("room_participants")
            #expect(participants.payload["participants"] as? [String] == [alicePeer])
            let joined = try await aliceSocket.next("peer_joined_room")
            #expect(joined.payload["peerId"] as? String == bobPeer)
            #expect(joined.payload["userId"] as? String == world.spare.id, "the user id comes from the socket, not the client")

            try alice.send(["type": "OFFER", "dst": bobPeer, "src": "someone-else", "payload": ["sdp": ["type": "offer", "sdp": "v=0"], "type": "media", "connectionId": "mc_1"]])
            let offer = try await bob.next("OFFER")
            #expect(offer["src"] as? String == alicePeer, "src is the sender's own id")
            #expect((offer["payload"] as? [String: Any])?["connectionId"] as? String == "mc_1")
            try bob.send(["type": "ANSWER", "dst": alicePeer, "payload": ["sdp": ["type": "answer", "sdp": "v=0"], "connectionId": "mc_1"]])
            #expect(try await alice.next("ANSWER")["src"] as? String == bobPeer)

            // A peer nobody registered in the room neither sends nor receives signaling.
            try stranger.send(["type": "OFFER", "dst": alicePeer, "payload": ["sdp": "x"]])
            #expect(try await stranger.next("EXPIRE")["src"] as? String == alicePeer)
            try alice.send(["type": "CANDIDATE", "dst": strangerPeer, "payload": ["candidate": "x"]])
            _ = try await alice.next("EXPIRE")
            try await Task.sleep(for: .milliseconds(200))
            #expect(alice.received("OFFER").isEmpty)
            #expect(stranger.received("CANDIDATE").isEmpty)

            // A peer id belongs to its user: another of alice's sockets cannot take it from the
            // first, and another user cannot register it at all.
            let aliceAgain = try await gateway.connect(world.member)
            try aliceAgain.emit("join_video_room", ["roomId": room, "peerId": alicePeer])
            #expect(try await aliceAgain.next("video_room_error").payload["message"] as? String == "Peer id is taken")
            let adminSocket = try await gateway.connect(world.groupAdmin)
            try adminSocket.emit("join_video_room", ["roomId": room, "peerId": alicePeer])
            #expect(try await adminSocket.next("video_room_error").payload["message"] as? String == "Peer id must begin with your user id")

            // Leaving (here by disconnecting) tells the room and ends the relay.
            await bobSocket.close()
            #expect(try await aliceSocket.next("peer_left_room").payload["peerId"] as? String == bobPeer)
            try alice.send(["type": "OFFER", "dst": bobPeer, "payload": ["sdp": "again"]])
            _ = try await alice.next("EXPIRE")
            for client in [alice, bob, stranger] { await client.close() }
            for socket in [aliceSocket, aliceAgain, adminSocket] { await socket.close() }
        }
    }

    /// The attack of issue 14: a user registers the victim's peer id in a room of their own
    /// and relays an offer to the victim's PeerJS connection, which answers with camera and
    /// microphone. No sequence gets a message from the attacker to the victim's connection.
    @Test func noOneReachesAnotherUsersPeerConnectionWithoutBothRegisteringTheirOwnIds() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let port = gateway.port
            let attacker = world.otherGroupAdmin
            let attackersRoom = "room_\(try await world.makeTarget(isPrivate: false, admin: attacker).extraChannelId)"
            let victimsRoom = "room_\(gateway.target.extraChannelId)"
            let victimPeer = "\(world.member.id)_1700000000000_v1c7im"
            let attackerPeer = "\(attacker.id)_1700000000000_a77ack"
            let friendPeer = "\(world.spare.id)_1700000000000_fr1end"

            let victim = TestPeerClient.connect(port: port, id: victimPeer, token: "victim-token")
            let own = TestPeerClient.connect(port: port, id: attackerPeer, token: "attacker-token")
            for client in [victim, own] { _ = try await client.next("OPEN") }
            let attackerSocket = try await gateway.connect(attacker)

            // The victim has not joined any room yet: their id is free to register, but not by
            // someone else.
            let stolen = try await attackerSocket.request("join_video_room", ["roomId": attackersRoom, "peerId": victimPeer])
            #expect(stolen["success"] as? Bool == false, "\(stolen)")
            #expect(stolen["message"] as? String == "Peer id must begin with your user id")
            let ownJoin = try await attackerSocket.request("join_video_room", ["roomId": attackersRoom, "peerId": attackerPeer])
            #expect(ownJoin["success"] as? Bool == true, "\(ownJoin)")
            try own.send(["type": "OFFER", "dst": victimPeer, "payload": ["sdp": ["type": "offer", "sdp": "v=0"], "type": "media", "connectionId": "mc_x"]])
            _ = try await own.next("EXPIRE")

            // The victim and a friend meet in their own room; the attacker cannot join it, nor
            // take the victim's PeerJS id while it is connected.
            let victimSocket = try await gateway.connect(world.member)
            let friendSocket = try await gateway.connect(world.spare)
            let friend = TestPeerClient.connect(port: port, id: friendPeer, token: "friend-token")
            _ = try await friend.next("OPEN")
            #expect(try await victimSocket.request("join_video_room", ["roomId": victimsRoom, "peerId": victimPeer])["success"] as? Bool == true)
            #expect(try await friendSocket.request("join_video_room", ["roomId": victimsRoom, "peerId": friendPeer])["success"] as? Bool == true)
            let intruding = try await attackerSocket.request("join_video_room", ["roomId": victimsRoom, "peerId": attackerPeer])
            #expect(intruding["success"] as? Bool == false)
            try own.send(["type": "OFFER", "dst": victimPeer, "payload": ["sdp": "again"]])
            #expect(try await own.next("EXPIRE")["src"] as? String == victimPeer)
            let twin = TestPeerClient.connect(port: port, id: victimPeer, token: "attacker-token")
            _ = try await twin.next("ID-TAKEN")

            // The victim's PeerJS connection drops while its id is registered: the id stays
            // theirs, so the attacker (who learnt it) cannot take it over and hear the friend.
            await victim.close()
            try await Task.sleep(for: .milliseconds(200))
            let thief = TestPeerClient.connect(port: port, id: victimPeer, token: "thief-token")
            _ = try await thief.next("ID-TAKEN")
            try friend.send(["type": "OFFER", "dst": victimPeer, "payload": ["sdp": ["type": "offer", "sdp": "v=0"], "type": "media", "connectionId": "mc_f"]])
            // The victim reconnects with its own token and gets what the friend sent meanwhile.
            let back = TestPeerClient.connect(port: port, id: victimPeer, token: "victim-token")
            _ = try await back.next("OPEN")
            #expect(try await back.next("OFFER")["src"] as? String == friendPeer)
            #expect(thief.received("OFFER").isEmpty && twin.received("OFFER").isEmpty)
            #expect(victim.received("OFFER").isEmpty, "nothing from the attacker ever reached the victim")

            for client in [victim, own, friend, twin, thief, back] { await client.close() }
            for socket in [attackerSocket, victimSocket, friendSocket] { await socket.close() }
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
