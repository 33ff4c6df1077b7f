import NIOCore
import Testing

@testable import SocketIO

@Suite struct EnginePacketCodecTests {
    @Test func packetTypesAreTheProtocolDigits() {
        #expect(EnginePacketType.allCases.map { String($0.rawValue) } == ["0", "1", "2", "3", "4", "5", "6"])
        #expect(EnginePacketType(rawValue: "7") == nil)
    }

    @Test func decodesTextPackets() throws {
        #expect(try EnginePacket.decode(text: "4hello") == EnginePacket(type: .message, text: "hello"))
        #expect(try EnginePacket.decode(text: "2probe") == EnginePacket(type: .ping, text: "probe"))
        #expect(try EnginePacket.decode(text: "6") == EnginePacket(type: .noop))
    }

    @Test func refusesUnknownTypesAndEmptyPackets() {
        #expect(throws: EngineDecodingError.invalidPacketType) { try EnginePacket.decode(text: "abc") }
        #expect(throws: EngineDecodingError.invalidPacketType) { try EnginePacket.decode(text: "7") }
        #expect(throws: EngineDecodingError.invalidPacketType) { try EnginePacket.decode(text: "") }
    }

    @Test func decodesPayloadWithSeparatorsAndBase64Binary() throws {
        let packets = try EnginePayloadCodec.decode(ByteBuffer(string: "4hello\u{1e}bAQIDBA==\u{1e}3"))
        #expect(packets.count == 3)
        #expect(packets[0] == EnginePacket(type: .message, text: "hello"))
        #expect(packets[1] == EnginePacket(binary: ByteBuffer(bytes: [1, 2, 3, 4])))
        #expect(packets[2] == EnginePacket(type: .pong))
    }

    @Test func refusesMalformedPayloads() {
        #expect(throws: EngineDecodingError.invalidPacketType) { try EnginePayloadCodec.decode(ByteBuffer(string: "abc")) }
        #expect(throws: EngineDecodingError.emptyPacket) { try EnginePayloadCodec.decode(ByteBuffer(string: "")) }
        #expect(throws: EngineDecodingError.emptyPacket) { try EnginePayloadCodec.decode(ByteBuffer(string: "4a\u{1e}\u{1e}4b")) }
        #expect(throws: EngineDecodingError.invalidBase64) { try EnginePayloadCodec.decode(ByteBuffer(string: "b!!!")) }
    }

    @Test func encodesPayloadLikeTheReference() {
        let body = EnginePayloadCodec.encode([
            .packet(.message, "hello"), .binary(ByteBuffer(bytes: [1, 2, 3, 4])), .packet(.ping),
        ])
        #expect(String(buffer: body) == "4hello\u{1e}bAQIDBA==\u{1e}2")
    }

    @Test func errorBodiesMatchTheReference() {
        #expect(EngineHTTPError.unknownSessionID.jsonBody == #"{"code":1,"message":"Session ID unknown"}"#)
        #expect(EngineHTTPError.unknownTransport.status == 400)
        #expect(EngineHTTPError.forbidden.status == 403)
    }
}
