import Foundation
import HummingbirdTesting
import SocketIO
import Testing

/// Connection state recovery at the protocol level, over long-polling, as socket.io-client
/// 4.6+ speaks it: `{sid, pid}` in the CONNECT reply, the offset as last argument of each
/// broadcast, and `pid` + `offset` in the CONNECT payload of a reconnection.
@Suite struct LiveRecoveryTests {
    static func server(_ io: SocketIOServer) {
        io.namespace("/").onConnection { socket in
            await socket.join("room")
            await socket.namespace.to(socket.id).emit("hello")
            socket.on("private") { _, _ in socket.emit("private-back", "direct") }
        }
    }

    /// Opens a polling session, joins `/` with `auth` and returns the session, the CONNECT
    /// reply and the first `following` packets after it.
    func join(_ client: any TestClientProtocol, auth: String = "", following: Int) async throws
        -> (session: String, reply: [String: String], rest: [String])
    {
        let session = try await pollingHandshake(client)
        _ = try await post(client, sid: session, "40" + auth)
        var packets: [String] = []
        for _ in 0..<10 where packets.count < following + 1 {
            packets += String(buffer: try await get(client, sid: session).body).split(separator: "\u{1e}").map(String.init)
        }
        let connect = try #require(packets.first)
        #expect(connect.hasPrefix("40{"))
        let reply = try JSONSerialization.jsonObject(with: Data(connect.utf8.dropFirst(2))) as? [String: String] ?? [:]
        return (session, reply, Array(packets.dropFirst()))
    }

    /// The last argument of an encoded event (`42[…,"offset"]`).
    func offset(_ packet: String) throws -> String {
        let array = try JSONSerialization.jsonObject(with: Data(packet.utf8.dropFirst(2))) as? [Any]
        return try #require(array?.last as? String)
    }

    @Test func aDroppedClientGetsItsIdBackAndWhatItMissed() async throws {
        try await withLiveServer(recovery: .init(window: .seconds(60)), configure: Self.server) { io, _, client in
            let first = try await join(client, following: 1)
            let sid = try #require(first.reply["sid"])
            let pid = try #require(first.reply["pid"])
            let seen = try offset(try #require(first.rest.first))

            // A direct emit is not numbered (only broadcasts are kept).
            _ = try await post(client, sid: first.session, #"42["private"]"#)
            #expect(String(buffer: try await get(client, sid: first.session).body) == #"42["private-back","direct"]"#)

            _ = try await post(client, sid: first.session, "1")  // the transport goes away
            while io.namespace("/").socket(id: sid) != nil { try await Task.sleep(for: .milliseconds(5)) }
            await io.namespace("/").to("room").emit("news", "one")
            await io.namespace("/").to("elsewhere").emit("news", "not for it")
            await io.namespace("/").to("room").emit("news", "two")

            let back = try await join(client, auth: #"{"pid":"\#(pid)","offset":"\#(seen)"}"#, following: 3)
            #expect(back.reply == ["sid": sid, "pid": pid])
            #expect(back.rest.map { $0.replacingOccurrences(of: #","[0-9]+"\]$"#, with: "]", options: .regularExpression) } == [
                #"42["news","one"]"#, #"42["news","two"]"#, #"42["hello"]"#,
            ])
            #expect(io.namespace("/").socket(id: sid)?.recovered == true)
        }
    }

    @Test func aClientThatLeftOnPurposeOrClaimsAnUnknownSessionStartsAfresh() async throws {
        try await withLiveServer(recovery: .init(window: .seconds(60)), configure: Self.server) { io, _, client in
            let first = try await join(client, following: 1)
            let seen = try offset(try #require(first.rest.first))
            _ = try await post(client, sid: first.session, "41")  // Socket.IO DISCONNECT: not kept
            let pid = try #require(first.reply["pid"])

            let back = try await join(client, auth: #"{"pid":"\#(pid)","offset":"\#(seen)"}"#, following: 0)
            #expect(back.reply["sid"] != first.reply["sid"])
            #expect(back.reply["pid"] != pid)
            let stranger = try await join(client, auth: #"{"pid":"made-up","offset":"1"}"#, following: 0)
            #expect(stranger.reply["sid"] != nil && stranger.reply["pid"] != "made-up")
            #expect(io.namespace("/").allSockets.allSatisfy { !$0.recovered })
        }
    }
}
