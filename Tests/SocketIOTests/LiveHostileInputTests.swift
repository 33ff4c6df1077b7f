import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import NIOCore
import SocketIO
import Testing

/// Issue 14: inputs that ended the whole process. Each is answered at the protocol level while
/// another connected client stays served.
@Suite(.timeLimit(.minutes(1))) struct LiveHostileInputTests {
    static let placeholder = #"{"_placeholder":true,"num":1e20}"#

    @Test func aPlaceholderInAPollingConnectIsPlainAuthData() async throws {
        try await withLiveServer(configure: { io in
            io.namespace("/").authorize { handshake in
                // Not a binary packet: the object reaches the authorizer as it was sent.
                handshake.auth["_placeholder"] == true && handshake.auth["num"] == 1e20 ? .accept : .refuse(message: "no", data: nil)
            }
            io.namespace("/").onConnection { socket in socket.on("echo") { args, ack in ack?.send(args) } }
        }) { _, port, client in
            try await withRawWebSocket(port: port) { other in
                _ = try await other.nextText()
                try await other.send("40" + Self.placeholder)
                #expect(try await other.nextText()?.hasPrefix(#"40{"sid":"#) == true)

                let sid = try await pollingHandshake(client)
                #expect(try await post(client, sid: sid, "40" + Self.placeholder).status == .ok)
                #expect(String(buffer: try await get(client, sid: sid).body).hasPrefix(#"40{"sid":"#))

                try await other.send(#"421["echo","still served"]"#)
                #expect(try await other.nextText() == #"431["still served"]"#)
            }
        }
    }

    @Test func aPlaceholderInAWebSocketEventIsPlainData() async throws {
        try await withLiveServer(configure: { io in
            io.namespace("/").onConnection { socket in
                socket.on("x") { args, _ in socket.emit("x-back", arguments: args) }
                socket.on("echo") { args, ack in ack?.send(args) }
            }
        }) { _, port, _ in
            let frame = #"42["x","# + Self.placeholder + "]"
            try await withRawWebSocket(port: port) { other in
                _ = try await other.joinDefaultNamespace()
                // As the first packet: closed like any packet before CONNECT.
                try await withRawWebSocket(port: port) { ws in
                    _ = try await ws.nextText()
                    try await ws.send(frame)
                    while try await ws.next() != nil {}
                }
                // After CONNECT: an ordinary event whose argument is an object.
                try await withRawWebSocket(port: port) { ws in
                    _ = try await ws.joinDefaultNamespace()
                    try await ws.send(frame)
                    #expect(try await ws.nextText() == #"42["x-back",{"_placeholder":true,"num":1e+20}]"#)
                }
                try await other.send(#"421["echo","still served"]"#)
                #expect(try await other.nextText() == #"431["still served"]"#)
            }
        }
    }

    /// In a binary packet a placeholder must name a received attachment: anything else is a
    /// decoding error, which closes that session (as the reference parser's "illegal attachments").
    @Test(arguments: [
        #"451-["blob",{"_placeholder":true,"num":-1}]"#,
        #"451-["blob",{"_placeholder":true,"num":0.5}]"#,
        #"451-["blob",{"_placeholder":true,"num":1e20}]"#,
        #"451-["blob",{"_placeholder":true,"num":-1e20}]"#,
        #"451-["blob",{"_placeholder":true,"num":1e400}]"#,
        #"451-["blob",{"_placeholder":true,"num":"0"}]"#,
        #"451-["blob",{"_placeholder":true,"num":null}]"#,
        #"451-["blob",{"_placeholder":true}]"#,
        #"451-["blob",{"_placeholder":true,"num":1}]"#,
        #"450-["blob",{"_placeholder":true,"num":0}]"#,
        #"461-5[{"_placeholder":true,"num":9223372036854775807}]"#,
    ])
    func aPlaceholderThatIsNotAnAttachmentIndexClosesTheSession(packet: String) async throws {
        let handled = HandledLog()
        try await withLiveServer(configure: { io in
            io.namespace("/").onConnection { socket in
                socket.on("blob") { _, _ in handled.mark() }
                socket.on("echo") { args, ack in ack?.send(args) }
            }
        }) { _, port, _ in
            try await withRawWebSocket(port: port) { other in
                _ = try await other.joinDefaultNamespace()
                try await withRawWebSocket(port: port) { ws in
                    _ = try await ws.joinDefaultNamespace()
                    try await ws.send(packet)
                    if packet.hasPrefix("451-") || packet.hasPrefix("461-") {
                        try await ws.outbound.write(.binary(ByteBuffer(bytes: [1, 2, 3])))
                    }
                    // Heartbeats are 10 s apart here: only the bad packet can end the socket.
                    while try await ws.next() != nil {}
                }
                try await other.send(#"421["echo","still served"]"#)
                #expect(try await other.nextText() == #"431["still served"]"#)
            }
        }
        #expect(!handled.wasMarked)
    }
}
