import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import NIOWebSocket
import NIOCore
import SocketIO
import Testing

@Suite(.timeLimit(.minutes(1))) struct LiveSocketIOTests {
    @Test func pollingHandshakeThenUpgradeToWebSocket() async throws {
        try await withLiveServer(configure: { io in
            io.namespace("/").onConnection { socket in socket.emit("hello", "polling-or-ws") }
        }) { io, port, client in
            let sid = try await pollingHandshake(client)
            #expect(try await post(client, sid: sid, "40").status == .ok)
            let poll = String(buffer: try await get(client, sid: sid).body)
            #expect(poll.hasPrefix("40{\"sid\":"))
            #expect(poll.hasSuffix("\u{1e}42[\"hello\",\"polling-or-ws\"]"))

            try await withRawWebSocket(port: port, query: "EIO=4&transport=websocket&sid=\(sid)") { ws in
                try await ws.send("2probe")
                #expect(try await ws.nextText() == "3probe")
                try await ws.send("5")
                try await ws.send("42[\"x\"]")
                try await ws.send("41")
                try await ws.send("40")
                let connect = try await ws.nextText()
                #expect(connect?.hasPrefix("40{\"sid\":") == true)
                #expect(try await ws.nextText() == "42[\"hello\",\"polling-or-ws\"]")
            }
            // Polling is over for this sid.
            #expect(try await get(client, sid: sid).status == .badRequest)
            _ = io
        }
    }

    @Test func directWebSocketSessionAndAcksBothWays() async throws {
        try await withLiveServer(configure: { io in
            io.namespace("/").onConnection { socket in
                socket.on("echo") { args, ack in ack?.send(args) }
                socket.on("ask-me") { _, _ in
                    // Awaiting the client's ack from a handler needs its own task.
                    Task {
                        let answer = try await socket.emitWithAck("question", 1)
                        socket.emit("answered", arguments: answer)
                    }
                }
            }
        }) { _, port, _ in
            try await withRawWebSocket(port: port) { ws in
                let open = try await ws.nextText()
                #expect(open?.hasPrefix("0{\"sid\":") == true)
                #expect(open?.contains("\"upgrades\":[]") == true)
                try await ws.send("40")
                #expect(try await ws.nextText()?.hasPrefix("40{\"sid\":") == true)
                try await ws.send(#"4212["echo",{"a":[1,"b"]}]"#)
                #expect(try await ws.nextText() == #"4312[{"a":[1,"b"]}]"#)
                try await ws.send(#"42["ask-me"]"#)
                #expect(try await ws.nextText() == #"420["question",1]"#)
                try await ws.send(#"430["forty-two"]"#)
                #expect(try await ws.nextText() == #"42["answered","forty-two"]"#)
            }
        }
    }

    @Test func aMessageSentInFragmentsIsHandledAsOne() async throws {
        try await withLiveServer(configure: { io in
            io.namespace("/").onConnection { socket in
                socket.on("echo") { args, ack in ack?.send(args) }
            }
        }) { _, port, _ in
            try await withRawWebSocket(port: port) { ws in
                _ = try await ws.nextText()
                try await ws.send("40")
                #expect(try await ws.nextText()?.hasPrefix("40{") == true)
                // One Engine.IO packet over three WebSocket frames (RFC 6455 §5.4).
                let parts = [#"4"#, #"27["echo","in "#, #"three parts"]"#]
                for (index, part) in parts.enumerated() {
                    let frame = WebSocketFrame(
                        fin: index == parts.count - 1, opcode: index == 0 ? .text : .continuation, data: ByteBuffer(string: part))
                    try await ws.outbound.write(.custom(frame))
                }
                #expect(try await ws.nextText() == #"437["in three parts"]"#)
            }
        }
    }

    @Test func binaryEventsRoundTrip() async throws {
        try await withLiveServer(configure: { io in
            io.namespace("/").onConnection { socket in
                socket.on("blob") { args, _ in
                    let size = args.first?.binaryValue?.count ?? -1
                    socket.emit("blob-back", .binary(Data([9, 8])), .number(Double(size)))
                }
            }
        }) { _, port, _ in
            try await withRawWebSocket(port: port) { ws in
                _ = try await ws.nextText()
                try await ws.send("40")
                _ = try await ws.nextText()
                try await ws.send(#"451-["blob",{"_placeholder":true,"num":0}]"#)
                try await ws.outbound.write(.binary(ByteBuffer(bytes: [1, 2, 3])))
                #expect(try await ws.nextText() == #"451-["blob-back",{"_placeholder":true,"num":0},3]"#)
                #expect(try await ws.next() == .binary(ByteBuffer(bytes: [9, 8])))
            }
        }
    }

    @Test func roomsBroadcastWithExclusion() async throws {
        try await withLiveServer(configure: { io in
            io.namespace("/").onConnection { socket in
                socket.on("join") { _, ack in
                    await socket.join("room")
                    ack?()
                }
                socket.on("shout") { _, _ in await socket.to("room").emit("heard", "hi") }
                socket.on("echo") { _, _ in socket.emit("echo-back") }
            }
        }) { io, _, client in
            var sids: [String] = []
            for _ in 0..<3 {
                let sid = try await pollingHandshake(client)
                _ = try await post(client, sid: sid, "40")
                _ = try await get(client, sid: sid)
                sids.append(sid)
            }
            let (a, b, c) = (sids[0], sids[1], sids[2])
            _ = try await post(client, sid: a, #"421["join"]"#)
            _ = try await post(client, sid: b, #"421["join"]"#)
            #expect(String(buffer: try await get(client, sid: a).body) == "431[]")
            #expect(String(buffer: try await get(client, sid: b).body) == "431[]")
            #expect(await io.namespace("/").to("room").socketIDs().count == 2)

            _ = try await post(client, sid: a, #"42["shout"]"#)
            #expect(String(buffer: try await get(client, sid: b).body) == #"42["heard","hi"]"#)
            for sid in [a, c] {
                _ = try await post(client, sid: sid, #"42["echo"]"#)
                #expect(String(buffer: try await get(client, sid: sid).body) == #"42["echo-back"]"#)
            }
        }
    }

    @Test func malformedPacketClosesTheSessionAtOnce() async throws {
        try await withLiveServer(configure: { io in io.namespace("/") }) { io, port, _ in
            try await withRawWebSocket(port: port) { ws in
                _ = try await ws.nextText()
                try await ws.send("40")
                _ = try await ws.nextText()
                let sent = ContinuousClock.now
                try await ws.send("42{}")
                // Heartbeats are 10 s apart here: only the bad packet can end the socket.
                while try await ws.next() != nil {}
                #expect(ContinuousClock.now - sent < .seconds(2))
            }
            #expect(io.engine.sessionCount == 0)
        }
    }

    @Test func malformedPollingPayloadIsRefusedAndClosesTheSession() async throws {
        try await withLiveServer(configure: { io in io.namespace("/") }) { _, _, client in
            let sid = try await pollingHandshake(client)
            #expect(try await post(client, sid: sid, "abc").status == .badRequest)
            let response = try await get(client, sid: sid)
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body) == #"{"code":1,"message":"Session ID unknown"}"#)
        }
    }

    @Test func slowConsumerIsDisconnectedWhenItsQueueFills() async throws {
        let reasons = ReasonLog()
        try await withLiveServer(maxQueuedPackets: 16, configure: { io in
            io.namespace("/").onConnection { socket in
                socket.onDisconnect { reason in reasons.append(reason) }
                socket.on("flood") { _, _ in
                    for index in 0..<100 { socket.emit("item", .number(Double(index))) }
                }
            }
        }) { io, _, client in
            let sid = try await pollingHandshake(client)
            _ = try await post(client, sid: sid, "40")
            _ = try await get(client, sid: sid)
            // The client never polls again while the server emits 100 packets.
            _ = try await post(client, sid: sid, #"42["flood"]"#)
            #expect(try await get(client, sid: sid).status == .badRequest)
            #expect(io.engine.session(id: sid) == nil)
            // The disconnect handler runs asynchronously; wait for it (bounded) rather than guess a delay.
            for _ in 0..<100 where reasons.values.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            #expect(reasons.values == [.sendQueueOverflow])
        }
    }

    @Test func aWebSocketClientThatStopsReadingIsDisconnectedWhileOthersStayServed() async throws {
        let reasons = ReasonLog()
        try await withLiveServer(maxQueuedPackets: 64, configure: { io in
            io.namespace("/").onConnection { socket in
                socket.onDisconnect { reason in reasons.append(reason) }
                socket.on("echo") { args, ack in ack?.send(args) }
                socket.on("flood") { _, _ in
                    // Paced, so the queue only grows once the socket's buffers are full.
                    let chunk = SocketIOValue.string(String(repeating: "x", count: 8 * 1024))
                    for _ in 0..<8000 where socket.isConnected {
                        socket.emit("item", chunk)
                        try? await Task.sleep(for: .milliseconds(1))
                    }
                }
            }
        }) { _, port, _ in
            try await withRawWebSocket(port: port) { reader in
                _ = try await reader.nextText()
                try await reader.send("40")
                #expect(try await reader.nextText()?.hasPrefix("40{") == true)
                try await withRawWebSocket(port: port) { slow in
                    _ = try await slow.nextText()
                    try await slow.send("40")
                    #expect(try await slow.nextText()?.hasPrefix("40{") == true)
                    try await slow.send(#"42["flood"]"#)
                    // From here on this client reads nothing.
                    for _ in 0..<500 where reasons.values.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
                    #expect(reasons.values == [.sendQueueOverflow])
                }
                try await reader.send(#"421["echo","still here"]"#)
                #expect(try await reader.nextTextSkippingPings() == #"431["still here"]"#)
                #expect(reasons.values == [.sendQueueOverflow])
            }
        }
    }

    @Test func unknownNamespaceAndRefusedAuthGetConnectError() async throws {
        try await withLiveServer(configure: { io in
            io.namespace("/")
            io.namespace("/secure").authorize { handshake in
                handshake.auth["token"] == "ok" ? .accept : .refuse(message: "Not authorized", data: ["code": 401])
            }
        }) { _, port, _ in
            try await withRawWebSocket(port: port) { ws in
                _ = try await ws.nextText()
                try await ws.send("40/nope,")
                #expect(try await ws.nextText() == #"44/nope,{"message":"Invalid namespace"}"#)
                try await ws.send(#"40/secure,{"token":"bad"}"#)
                #expect(try await ws.nextText() == #"44/secure,{"data":{"code":401},"message":"Not authorized"}"#)
                try await ws.send(#"40/secure,{"token":"ok"}"#)
                #expect(try await ws.nextText()?.hasPrefix(#"40/secure,{"sid":"#) == true)
            }
        }
    }

    @Test func missedPongClosesAWebSocketSession() async throws {
        try await withLiveServer(
            // A generous timeout: the answered ping must not expire on a loaded machine; only the
            // unanswered one may.
            pingInterval: .milliseconds(100), pingTimeout: .seconds(1), configure: { io in io.namespace("/") }
        ) { io, port, _ in
            try await withRawWebSocket(port: port) { ws in
                _ = try await ws.nextText()
                #expect(try await ws.nextText() == "2")
                try await ws.send("3")
                #expect(try await ws.nextText() == "2")
                // No pong this time.
                while try await ws.next() != nil {}
            }
            #expect(io.engine.sessionCount == 0)
        }
    }

    @Test func handshakeErrorsMatchTheReference() async throws {
        try await withLiveServer(configure: { _ in }) { _, _, client in
            let cases: [(String, HTTPRequest.Method, Int)] = [
                ("/socket.io/?EIO=4", .get, 0),
                ("/socket.io/?EIO=4&transport=abc", .get, 0),
                ("/socket.io/?EIO=3&transport=polling", .get, 5),
                ("/socket.io/?EIO=4&transport=polling", .post, 2),
                ("/socket.io/?EIO=4&transport=polling", .put, 2),
                ("/socket.io/?EIO=4&transport=polling&sid=nope", .get, 1),
                ("/socket.io/?EIO=4&transport=websocket", .get, 3),
            ]
            for (uri, method, code) in cases {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status == .badRequest, "\(method) \(uri)")
                #expect(String(buffer: response.body).hasPrefix("{\"code\":\(code),"), "\(method) \(uri)")
            }
        }
    }
}

final class ReasonLog: Sendable {
    private let storage = LockedReasons()
    func append(_ reason: SocketIODisconnectReason) { storage.append(reason) }
    var values: [SocketIODisconnectReason] { storage.values }
}

private final class LockedReasons: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [SocketIODisconnectReason] = []
    func append(_ reason: SocketIODisconnectReason) {
        lock.lock()
        items.append(reason)
        lock.unlock()
    }
    var values: [SocketIODisconnectReason] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
