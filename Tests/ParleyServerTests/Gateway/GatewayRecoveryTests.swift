import Foundation
import Testing

@testable import ParleyServer

/// Connection state recovery as socket.io-client 4.6+ uses it: a client whose transport drops
/// reconnects with its `pid` and the last offset it saw, gets its socket id back and, once and
/// in order, what it missed from the rooms it may still read.
@Suite struct GatewayRecoveryTests {
    @Test func aMemberWhoseConnectionDroppedGetsExactlyTheMessagesItMissed() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let channel = gateway.target.extraChannelId
            let (watcher, member, sid) = try await connectThenDrop(gateway)
            let auth = try await member.recoveryAuth(token: world.member.accessToken)
            let texts = ["missed one", "missed two", "missed three"]
            for text in texts {
                _ = try await gateway.post(world.spare, channel: channel, text: text)
                _ = try await watcher.next("new_message") { messageText($0) == text }
            }

            let (back, outcome) = try await TestSocket.open(port: gateway.port, auth: auth)
            guard case .connected(let newSid) = outcome else { throw TestSocketError.refused }
            #expect(newSid == sid, "the socket keeps its id")
            #expect(back.recoveryPID == auth["pid"] as? String, "the same pid: socket.recovered is true")
            var offsets: [Int] = []
            for text in texts {
                let event = try await back.next("new_message")
                #expect(messageText(event) == text)
                offsets.append(Int(event.args.last as? String ?? "") ?? -1)
            }
            #expect(offsets == offsets.sorted() && Set(offsets).count == 3, "offsets increase: \(offsets)")
            try await expectNone("new_message", on: back)

            // Back online, counted once.
            _ = try await watcher.next("user_presence_update") { $0.payload["userId"] as? String == world.member.id && $0.payload["status"] as? String == "online" }
            try watcher.emit("get_online_users")
            let list = try await watcher.next("online_users")
            let ids = (list.args.first as? [[String: Any]])?.compactMap { $0["userId"] as? String } ?? []
            #expect(ids.filter { $0 == world.member.id }.count == 1)

            // And it is in its rooms again: live messages reach it.
            _ = try await gateway.post(world.spare, channel: channel, text: "live")
            #expect(messageText(try await back.next("new_message")) == "live")
            await back.close()
            await watcher.close()
        }
    }

    @Test func aClientThatNoticesTheDropBeforeTheServerStillRecovers() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let watcher = try await gateway.connect(world.spare)
            let member = try await gateway.connect(world.member)
            let sid = try #require(member.socketID)
            // The client's network is gone and it knows; the server still holds the connection
            // (it would notice at the ping timeout) and keeps writing to it.
            let auth = try await member.recoveryAuth(token: world.member.accessToken)
            let texts = ["unheard one", "unheard two"]
            for text in texts {
                _ = try await gateway.post(world.spare, channel: gateway.target.extraChannelId, text: text)
                _ = try await watcher.next("new_message") { messageText($0) == text }
            }

            let (back, outcome) = try await TestSocket.open(port: gateway.port, auth: auth)
            guard case .connected(let newSid) = outcome else { throw TestSocketError.refused }
            #expect(newSid == sid)
            #expect(back.recoveryPID == auth["pid"] as? String)
            for text in texts {
                #expect(messageText(try await back.next("new_message")) == text)
            }
            try await expectNone("new_message", on: back)
            for _ in 0..<500 where !member.closed { try await Task.sleep(for: .milliseconds(10)) }
            #expect(member.closed, "the old connection is closed")
            await back.close()
            await watcher.close()
        }
    }

    @Test func aMemberRemovedWhileAwayRecoversWithoutThatGroupsMessages() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let lost = gateway.target
            let kept = try await world.makeTarget(isPrivate: false)
            let (watcher, member, sid) = try await connectThenDrop(gateway)
            let auth = try await member.recoveryAuth(token: world.member.accessToken)
            // Posted while the member could still read it, then the member is removed.
            _ = try await gateway.post(world.spare, channel: lost.extraChannelId, text: "before removal")
            _ = try await watcher.next("new_message") { messageText($0) == "before removal" }
            let removed = try await api.send(.delete, "/api/groups/\(lost.groupId)/members/\(world.member.id)", token: world.groupAdmin.accessToken)
            #expect(removed.status == 200, "\(removed.text)")
            _ = try await gateway.post(world.spare, channel: lost.generalChannelId, text: "after removal")
            _ = try await watcher.next("new_message") { messageText($0) == "after removal" }
            _ = try await gateway.post(world.spare, channel: kept.extraChannelId, text: "still readable")
            _ = try await watcher.next("new_message") { messageText($0) == "still readable" }

            let (back, outcome) = try await TestSocket.open(port: gateway.port, auth: auth)
            guard case .connected(let newSid) = outcome else { throw TestSocketError.refused }
            #expect(newSid == sid)
            #expect(messageText(try await back.next("new_message")) == "still readable")
            try await expectNone("new_message", on: back)

            // Nor does anything new from the lost group reach it.
            _ = try await gateway.post(world.spare, channel: lost.extraChannelId, text: "later")
            _ = try await watcher.next("new_message") { messageText($0) == "later" }
            try await expectNone("new_message", on: back)
            await back.close()
            await watcher.close()
        }
    }

    @Test func anotherUsersTokenCannotTakeOverTheSession() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let (watcher, member, sid) = try await connectThenDrop(gateway)
            var auth = try await member.recoveryAuth(token: world.member.accessToken)
            _ = try await gateway.post(world.spare, channel: gateway.target.extraChannelId, text: "for members")

            auth["token"] = world.outsider.accessToken
            let (intruder, outcome) = try await TestSocket.open(port: gateway.port, auth: auth)
            guard case .connected(let newSid) = outcome else { throw TestSocketError.refused }
            #expect(newSid != sid)
            #expect(intruder.recoveryPID != auth["pid"] as? String)
            try await expectNone("new_message", on: intruder)
            await intruder.close()
            await watcher.close()
        }
    }

    @Test func afterTheWindowAReconnectIsANewSession() async throws {
        try await TestApp.run(configure: { $0.realtime.recoveryWindow = .milliseconds(200) }) { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let (watcher, member, sid) = try await connectThenDrop(gateway)
            let auth = try await member.recoveryAuth(token: world.member.accessToken)
            _ = try await gateway.post(world.spare, channel: gateway.target.extraChannelId, text: "too late")
            // Let the window pass.
            try await Task.sleep(for: .milliseconds(500))

            let (back, outcome) = try await TestSocket.open(port: gateway.port, auth: auth)
            guard case .connected(let newSid) = outcome else { throw TestSocketError.refused }
            #expect(newSid != sid)
            #expect(back.recoveryPID != nil && back.recoveryPID != auth["pid"] as? String, "a new pid: socket.recovered is false")
            try await expectNone("new_message", on: back)
            await back.close()
            await watcher.close()
        }
    }

    @Test func withRecoveryOffNothingChanges() async throws {
        try await TestApp.run(configure: { $0.realtime.recoveryWindow = .zero }) { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let channel = gateway.target.extraChannelId
            let (watcher, _, sid) = try await connectThenDrop(gateway) { member in
                #expect(member.recoveryPID == nil, "no pid in the CONNECT reply")
                _ = try await gateway.post(world.spare, channel: channel, text: "plain")
                let plain = try await member.next("new_message")
                #expect(plain.args.count == 1, "no offset argument: \(plain.args)")
            }
            _ = try await gateway.post(world.spare, channel: channel, text: "missed for good")
            let (back, outcome) = try await TestSocket.open(
                port: gateway.port, auth: ["token": world.member.accessToken, "pid": "anything", "offset": "1"])
            guard case .connected(let newSid) = outcome else { throw TestSocketError.refused }
            #expect(newSid != sid)
            try await expectNone("new_message", on: back)
            await back.close()
            await watcher.close()
        }
    }
}

/// Connects the spare user (watching) and the member, runs `meanwhile`, then drops the
/// member's connection and waits until the watcher sees the member go offline (the server has
/// noticed). Returns the watcher, the dropped socket and its socket id.
private func connectThenDrop(
    _ gateway: GatewayWorld, meanwhile: (TestSocket) async throws -> Void = { _ in }
) async throws -> (watcher: TestSocket, member: TestSocket, sid: String) {
    let member = gateway.world.member
    let watcher = try await gateway.connect(gateway.world.spare)
    let socket = try await gateway.connect(member)
    let sid = try #require(socket.socketID)
    _ = try await watcher.next("user_presence_update") { $0.payload["userId"] as? String == member.id && $0.payload["status"] as? String == "online" }
    try await meanwhile(socket)
    await socket.drop()
    _ = try await watcher.next("user_presence_update") { $0.payload["userId"] as? String == member.id && $0.payload["status"] as? String == "offline" }
    return (watcher, socket, sid)
}

/// The text of a `new_message` event.
private func messageText(_ event: TestSocketEvent) -> String? {
    (event.payload["message"] as? [String: Any])?["text"] as? String
}
