import Foundation
import Testing

@testable import ParleyServer

@Suite struct GatewayPresenceTests {
    @Test func typingIsRelayedAndExpiresOnItsOwn() async throws {
        try await TestApp.run(configure: { $0.realtime.typingExpiry = .milliseconds(600) }) { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let typist = try await gateway.connect(world.member)
            let watcher = try await gateway.connect(world.spare)
            let outsider = try await gateway.connect(world.outsider)
            let channel = gateway.target.extraChannelId

            try typist.emit("typing", ["channelId": channel, "isTyping": true])
            let typing = try await watcher.next("user_typing")
            #expect(typing.payload["isTyping"] as? Bool == true)
            #expect(typing.payload["username"] as? String == "member")
            #expect(typing.payload["channelId"] as? String == channel)

            // The client goes quiet without sending isTyping:false: the indicator expires.
            let stopped = try await watcher.next("user_stop_typing", timeout: .seconds(5))
            #expect(stopped.payload["userId"] as? String == world.member.id)
            let cleared = try await watcher.next("user_typing") { $0.payload["isTyping"] as? Bool == false }
            #expect(cleared.payload["channelId"] as? String == channel)

            // A typist that disconnects stops typing at once.
            try typist.emit("typing", ["channelId": channel, "isTyping": true])
            _ = try await watcher.next("user_typing") { $0.payload["isTyping"] as? Bool == true }
            await typist.close()
            _ = try await watcher.next("user_stop_typing", timeout: .milliseconds(500))

            #expect(typist.received("user_typing").isEmpty, "the typist does not hear itself")
            try await expectNone("user_typing", on: outsider, after: .milliseconds(10))
            await watcher.close()
            await outsider.close()
        }
    }

    @Test func presenceIsPerUserAcrossSockets() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let watcher = try await gateway.connect(world.spare)
            let outsider = try await gateway.connect(world.outsider)

            let firstTab = try await gateway.connect(world.member)
            let online = try await watcher.next("user_presence_update") { $0.payload["userId"] as? String == world.member.id }
            #expect(online.payload["status"] as? String == "online")
            #expect(online.payload["isOnline"] as? Bool == true)
            let secondTab = try await gateway.connect(world.member)

            try watcher.emit("get_online_users")
            let list = try await watcher.next("online_users")
            let ids = Set((list.args.first as? [[String: Any]])?.compactMap { $0["userId"] as? String } ?? [])
            // The outsider shares no group with the watcher, so it is not listed.
            #expect(ids == [world.spare.id, world.member.id])

            // Closing one of two tabs leaves the user online.
            await firstTab.close()
            try await Task.sleep(for: .milliseconds(300))
            #expect(watcher.received("user_presence_update").filter { $0.payload["status"] as? String == "offline" }.isEmpty)

            try secondTab.emit("update_presence", ["status": "away"])
            let away = try await watcher.next("user_presence_update") { $0.payload["status"] as? String == "away" }
            #expect(away.payload["userId"] as? String == world.member.id)

            await secondTab.close()
            let offline = try await watcher.next("user_presence_update") { $0.payload["status"] as? String == "offline" }
            #expect(offline.payload["isOnline"] as? Bool == false)
            try await expectNone("user_presence_update", on: outsider, after: .milliseconds(10))

            let count = try await watcher.next("online_users_count", timeout: .seconds(3)) { $0.payload["count"] as? Int == 2 }
            #expect(count.payload["count"] as? Int == 2)
            await watcher.close()
            await outsider.close()
        }
    }
}
