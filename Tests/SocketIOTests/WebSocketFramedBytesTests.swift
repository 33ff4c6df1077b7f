import NIOCore
import Testing

@testable import SocketIO

/// Broadcast frames carry their WebSocket header before the payload, so every socket writes
/// one complete frame; what polling, Redis and comparisons see stays the payload alone.
@Suite struct WebSocketFramedBytesTests {
    private func bytes(_ buffer: ByteBuffer) -> [UInt8] { Array(buffer.readableBytesView) }

    @Test func aTextFrameIsTheHeaderThenThePayloadForEachLengthForm() throws {
        for (length, header) in [(5, [0x81, 5]), (200, [0x81, 126, 0, 200]), (70_000, [0x81, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70])] {
            let text = String(repeating: "x", count: length)
            let frame = EngineFrame.text(text)
            guard case .text(let payload) = frame else { Issue.record("not text"); return }
            #expect(bytes(payload) == Array(text.utf8))
            let framed = try #require(frame.webSocketFrameBytes)
            #expect(bytes(framed) == header.map(UInt8.init) + Array(text.utf8))
        }
    }

    @Test func aFrameWithoutHeaderGetsOneCopyOnceAndEqualsTheOriginal() throws {
        let plain = EngineFrame.binary(ByteBuffer(bytes: [1, 2, 3]))
        #expect(plain.webSocketFrameBytes == nil)
        let prepared = plain.withWebSocketHeader()
        #expect(prepared == plain)
        #expect(bytes(try #require(prepared.webSocketFrameBytes)) == [0x82, 3, 1, 2, 3])
        #expect(bytes(try #require(prepared.withWebSocketHeader().webSocketFrameBytes)) == [0x82, 3, 1, 2, 3])
    }

    @Test func aNumberedEventIsFramedWithItsOffset() throws {
        let encoded = SocketIOPacketEncoder.encode(SocketIOPacket(type: .event, namespace: "/", data: ["hi"]))
        let numbered = SocketIOPacketEncoder.appending(argument: "7", to: encoded)
        #expect(numbered.first?.webSocketFrameBytes == nil)  // the header no longer matches its length
        let framed = try #require(numbered.first?.withWebSocketHeader().webSocketFrameBytes)
        let payload = Array(#"42["hi","7"]"#.utf8)
        #expect(bytes(framed) == [0x81, UInt8(payload.count)] + payload)
    }

    @Test func pollingSeesOnlyThePayload() {
        let body = EnginePayloadCodec.encode([.text("4a"), EngineFrame.text("4b").withWebSocketHeader()])
        #expect(String(buffer: body) == "4a\u{1e}4b")
    }
}
