import Foundation
import Testing

@testable import ParleyServer

@Suite struct VideoCallTests {
    @Test func aFullCallRingsConnectsRelaysSignalingAndEnds() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let caller = try await gateway.connect(world.member)
            let calleeTab = try await gateway.connect(world.spare)
            let calleeOtherTab = try await gateway.connect(world.spare)
            let bystander = try await gateway.connect(world.groupAdmin)

            let started = try await caller.request(
                "video_call_initiate", ["recipientId": world.spare.id, "channelId": gateway.target.extraChannelId])
            #expect(started["success"] as? Bool == true, "\(started)")
            let callId = try #require(started["callId"] as? String)

            // Every tab of the callee rings; the caller hears that it is ringing.
            for tab in [calleeTab, calleeOtherTab] {
                let incoming = try await tab.next("video_call_incoming")
                #expect(incoming.payload["callId"] as? String == callId)
                #expect(incoming.payload["_id"] as? String == callId)
                #expect(incoming.payload["initiatorId"] as? String == world.member.id)
                #expect(incoming.payload["callerName"] as? String == "member")
                #expect(incoming.payload["status"] as? String == "ringing")
            }
            #expect(try await caller.next("video_call_initiated").payload["callId"] as? String == callId)

            // The old client's accept: video_call_answer without an SDP.
            let accepted = try await calleeTab.request("video_call_answer", ["callId": callId])
            #expect(accepted["status"] as? String == "accepted")
            for socket in [caller, calleeTab] {
                #expect(try await socket.next("video_call_accepted").payload["callId"] as? String == callId)
                // The Angular client uses this payload as the call: its `_id` routes ICE and hang-up.
                let answered = try await socket.next("video_call_answered").payload
                #expect(answered["_id"] as? String == callId, "\(answered)")
                #expect(answered["callId"] as? String == callId)
                #expect(answered["status"] as? String == "accepted")
                #expect(answered["callerId"] as? String == world.member.id)
                #expect(answered["receiverId"] as? String == world.spare.id)
                #expect(answered["answerTime"] is String)
            }

            // Signaling goes to the tab that answered only.
            try caller.emit("video_call_offer", ["callId": callId, "offer": ["type": "offer", "sdp": "v=0 offer"]])
            let offer = try await calleeTab.next("video_call_offer")
            #expect((offer.payload["offer"] as? [String: Any])?["sdp"] as? String == "v=0 offer")
            #expect(offer.payload["from"] as? String == world.member.id)
            try calleeTab.emit("video_call_answer", ["callId": callId, "answer": ["type": "answer", "sdp": "v=0 answer"]])
            let answer = try await caller.next("video_call_answer")
            #expect((answer.payload["answer"] as? [String: Any])?["sdp"] as? String == "v=0 answer")
            try caller.emit("video_call_ice_candidate", ["callId": callId, "candidate": ["candidate": "candidate:1 1 udp 1 10.0.0.1 9 typ host"]])
            _ = try await calleeTab.next("video_call_ice_candidate")
            try calleeTab.emit("video_call_ice_candidate", ["callId": callId, "candidate": ["candidate": "candidate:2"]])
            _ = try await caller.next("video_call_ice_candidate")

            // A third user cannot inject signaling into the call.
            try bystander.emit("video_call_offer", ["callId": callId, "offer": ["type": "offer", "sdp": "intruder"]])
            #expect(try await bystander.next("video_call_error").payload["message"] as? String == "Call not found")

            try await Task.sleep(for: .milliseconds(200))
            let ended = try await caller.request("video_call_end", ["callId": callId])
            #expect(ended["status"] as? String == "ended")
            for socket in [caller, calleeTab] {
                let notice = try await socket.next("video_call_ended")
                #expect(notice.payload["status"] as? String == "ended")
                #expect(((notice.payload["call"] as? [String: Any])?["duration"] as? Double ?? 0) > 0.1)
            }

            for name in ["video_call_offer", "video_call_answer", "video_call_ice_candidate"] {
                #expect(calleeOtherTab.received(name).isEmpty, "\(name) reached a tab that did not answer")
            }
            for name in ["video_call_incoming", "video_call_initiated", "video_call_accepted", "video_call_answer", "video_call_offer", "video_call_ice_candidate", "video_call_ended"] {
                #expect(bystander.received(name).isEmpty, "the bystander heard \(name)")
            }

            let history = try await api.send(.get, "/api/video-calls/history", token: world.spare.accessToken)
            let calls = try #require(history.json["data"] as? [[String: Any]])
            #expect(calls.first?["_id"] as? String == callId)
            #expect(calls.first?["status"] as? String == "ended")
            let stats = try await api.send(.get, "/api/video-calls/stats", token: world.member.accessToken)
            #expect(stats.data["totalCalls"] as? Int == 1)
            #expect(stats.data["acceptedCalls"] as? Int == 1)
            for socket in [caller, calleeTab, calleeOtherTab, bystander] { await socket.close() }
        }
    }

    @Test func anUnansweredCallIsMissedAndTheCalleeNotified() async throws {
        try await TestApp.run(configure: { $0.realtime.ringTimeout = .seconds(1) }) { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let caller = try await gateway.connect(world.member)
            let callee = try await gateway.connect(world.spare)

            // Placed over REST, as the Angular client does.
            let placed = try await api.send(
                .post, "/api/video-calls", token: world.member.accessToken,
                json: ["receiverId": world.spare.id, "channelId": gateway.target.extraChannelId])
            #expect(placed.status == 201, "\(placed.text)")
            let callId = try #require(placed.data["_id"] as? String)
            _ = try await callee.next("video_call_incoming")

            let busy = try await api.send(
                .post, "/api/video-calls", token: world.groupAdmin.accessToken,
                json: ["receiverId": world.spare.id, "channelId": gateway.target.extraChannelId])
            #expect(busy.status == 409)
            #expect(busy.message == "User is busy")

            for socket in [caller, callee] {
                let missed = try await socket.next("video_call_missed", timeout: .seconds(6))
                #expect(missed.payload["callId"] as? String == callId)
                _ = try await socket.next("video_call_ended")
            }
            let call = try await api.send(.get, "/api/video-calls/\(callId)", token: world.spare.accessToken)
            #expect(call.data["status"] as? String == "missed")
            let notifications = try await api.send(.get, "/api/client/notifications", token: world.spare.accessToken)
            #expect(notifications.text.contains("missed_call"), "\(notifications.text)")
            #expect(notifications.text.contains(callId))

            // Answering a missed call is a conflict, not a second state change.
            let late = try await api.send(.post, "/api/video-calls/\(callId)/answer", token: world.spare.accessToken)
            #expect(late.status == 409)
            await caller.close()
            await callee.close()
        }
    }

    @Test func callRoutesAreForTheCallsPartiesOnly() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let placed = try await api.send(
                .post, "/api/video-calls", token: world.member.accessToken,
                json: ["receiverId": world.spare.id, "channelId": gateway.target.extraChannelId])
            let callId = try #require(placed.data["_id"] as? String)

            #expect(try await api.send(.get, "/api/video-calls/\(callId)", token: world.outsider.accessToken).status == 404)
            #expect(try await api.send(.post, "/api/video-calls/\(callId)/end", token: world.outsider.accessToken).status == 404)
            // Only the callee answers.
            #expect(try await api.send(.post, "/api/video-calls/\(callId)/answer", token: world.member.accessToken).status == 403)
            let active = try await api.send(.get, "/api/video-calls/active", token: world.outsider.accessToken)
            #expect((active.json["data"] as? [Any])?.isEmpty == true, "active calls are the caller's own")
            #expect((try await api.send(.get, "/api/video-calls/active", token: world.spare.accessToken).json["data"] as? [Any])?.count == 1)

            let recording = try await api.send(.post, "/api/video-calls/\(callId)/recording/start", token: world.member.accessToken)
            #expect(recording.status == 501)
            #expect(recording.message?.contains("no media server") == true)
            #expect(try await api.send(.put, "/api/video-calls/\(callId)/quality", token: world.member.accessToken, json: [:]).status == 501)

            // The outsider cannot read the channel, so cannot be called from it.
            let outsiderCall = try await api.send(
                .post, "/api/video-calls", token: world.groupAdmin.accessToken,
                json: ["receiverId": world.outsider.id, "channelId": gateway.target.extraChannelId])
            #expect(outsiderCall.status == 403)
            #expect(try await api.send(.post, "/api/video-calls/cleanup", token: world.member.accessToken).status == 403)
            #expect(try await api.send(.post, "/api/video-calls/cleanup", token: world.root.accessToken).status == 200)
        }
    }
}
