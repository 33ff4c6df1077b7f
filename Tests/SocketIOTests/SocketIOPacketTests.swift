import Foundation
import NIOCore
import Testing

@testable import SocketIO

@Suite struct SocketIOPacketDecoderTests {
    private func decode(_ text: String) throws -> SocketIOPacketDecoder.Header {
        try SocketIOPacketDecoder.decode(Substring(text))
    }

    @Test func connectToMainAndCustomNamespaces() throws {
        #expect(try decode("0").packet == SocketIOPacket(type: .connect))
        #expect(try decode("0/custom,").packet == SocketIOPacket(type: .connect, namespace: "/custom"))
        // The reference client may omit the trailing comma.
        #expect(try decode("0/random").packet == SocketIOPacket(type: .connect, namespace: "/random"))
        #expect(
            try decode(#"0/custom,{"token":"abc"}"#).packet
                == SocketIOPacket(type: .connect, namespace: "/custom", data: ["token": "abc"])
        )
    }

    @Test func eventsWithAckIDs() throws {
        #expect(try decode(#"2["foo"]"#).packet == SocketIOPacket(type: .event, data: ["foo"]))
        #expect(try decode(#"212["foo"]"#).packet == SocketIOPacket(type: .event, ackID: 12, data: ["foo"]))
        #expect(
            try decode(#"2/chat,7["x",1,true,null]"#).packet
                == SocketIOPacket(type: .event, namespace: "/chat", ackID: 7, data: ["x", 1, true, nil])
        )
        #expect(try decode("3456[]").packet == SocketIOPacket(type: .ack, ackID: 456, data: []))
    }

    @Test func binaryHeadersDeclareAttachments() throws {
        let header = try decode(#"52-789["m",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]"#)
        #expect(header.attachments == 2)
        #expect(header.packet.type == .binaryEvent)
        #expect(header.packet.ackID == 789)
    }

    @Test func malformedPacketsAreRefused() {
        #expect(throws: SocketIODecodingError.unknownPacketType) { try decode("abc") }
        #expect(throws: SocketIODecodingError.emptyPacket) { try decode("") }
        #expect(throws: SocketIODecodingError.invalidPayload) { try decode("2{}") }
        #expect(throws: SocketIODecodingError.invalidJSON) { try decode(#"2abc["message-with-ack",1]"#) }
        #expect(throws: SocketIODecodingError.invalidPayload) { try decode("2[]") }
        #expect(throws: SocketIODecodingError.invalidPayload) { try decode(#"2["connect"]"#) }
        #expect(throws: SocketIODecodingError.invalidPayload) { try decode("1{}") }
        #expect(throws: SocketIODecodingError.invalidPayload) { try decode(#"0"string""#) }
        #expect(throws: SocketIODecodingError.invalidPayload) { try decode("3[]") }
        #expect(throws: SocketIODecodingError.invalidAttachmentCount) { try decode(#"5["x"]"#) }
        #expect(throws: SocketIODecodingError.tooManyAttachments) { try decode(#"511-["x"]"#) }
        #expect(throws: SocketIODecodingError.invalidJSON) { try decode(#"2["x""#) }
    }
}

@Suite struct SocketIOPacketEncoderTests {
    private func texts(_ frames: [EngineFrame]) -> [String] {
        frames.map { frame in
            switch frame {
            case .text(let buffer): return String(buffer: buffer)
            case .binary(let buffer): return "<\(buffer.readableBytes) bytes>"
            }
        }
    }

    @Test func encodesNamespaceAckIDAndJSON() {
        #expect(texts(SocketIOPacketEncoder.encode(SocketIOPacket(type: .connect, data: ["sid": "abc"]))) == [#"40{"sid":"abc"}"#])
        #expect(
            texts(SocketIOPacketEncoder.encode(SocketIOPacket(type: .event, namespace: "/custom", ackID: 3, data: ["auth", [:]])))
                == [#"42/custom,3["auth",{}]"#]
        )
        #expect(
            texts(SocketIOPacketEncoder.encode(SocketIOPacket(type: .connectError, namespace: "/random", data: ["message": "Invalid namespace"])))
                == [#"44/random,{"message":"Invalid namespace"}"#]
        )
        #expect(texts(SocketIOPacketEncoder.encode(SocketIOPacket(type: .disconnect, namespace: "/x"))) == ["41/x,"])
    }

    @Test func preEncodedJSONIsWrittenAsItIs() {
        let message = SocketIOValue.json(#"{"_id":"m1","text":"a \"quoted\" word","tags":[]}"#)
        let packet = SocketIOPacket(type: .event, data: ["new_message", ["channelId": "c1", "message": message]])
        #expect(
            texts(SocketIOPacketEncoder.encode(packet))
                == [#"42["new_message",{"channelId":"c1","message":{"_id":"m1","text":"a \"quoted\" word","tags":[]}}]"#])
        #expect(!message.containsBinary)
    }

    @Test func binaryArgumentsBecomeAttachments() {
        let packet = SocketIOPacket(type: .ack, ackID: 789, data: [.binary(Data([1, 2, 3])), .binary(Data([4, 5, 6]))])
        let frames = SocketIOPacketEncoder.encode(packet)
        #expect(texts(frames) == [#"462-789[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]"#, "<3 bytes>", "<3 bytes>"])
        #expect(frames[2] == .binary(ByteBuffer(bytes: [4, 5, 6])))
    }

    @Test func numbersAndStringsSerializeLikeJSONStringify() {
        let value: SocketIOValue = [1, 1.5, -0.0, "a\"b\\c\n\u{01}", ["k": nil]]
        #expect(value.jsonString == #"[1,1.5,0,"a\"b\\c\n\u0001",{"k":null}]"#)
    }

    @Test func parsesJSONWithARealParser() throws {
        #expect(try SocketIOValue.parse(json: #"{"3":[true, false, null, 2.5, "x"]}"#) == ["3": [true, false, nil, 2.5, "x"]])
        #expect(try SocketIOValue.parse(json: "1") == 1)
        #expect(throws: (any Error).self) { try SocketIOValue.parse(json: "{") }
    }
}

@Suite struct SocketIOBinaryReassemblerTests {
    @Test func collectsAttachmentsThenReturnsThePacket() throws {
        var reassembler = SocketIOBinaryReassembler()
        let header = try SocketIOPacketDecoder.decode(#"52-["m",{"_placeholder":true,"num":1},{"_placeholder":true,"num":0}]"#)
        #expect(try reassembler.receive(header: header) == nil)
        #expect(reassembler.isCollecting)
        #expect(try reassembler.receive(attachment: Data([1])) == nil)
        let packet = try reassembler.receive(attachment: Data([2]))
        #expect(packet?.data == ["m", .binary(Data([2])), .binary(Data([1]))])
        #expect(!reassembler.isCollecting)
    }

    @Test func textWhileCollectingAndStrayBinaryAreErrors() throws {
        var reassembler = SocketIOBinaryReassembler()
        #expect(throws: SocketIODecodingError.unexpectedBinary) { try reassembler.receive(attachment: Data([1])) }
        let header = try SocketIOPacketDecoder.decode(#"51-["m",{"_placeholder":true,"num":0}]"#)
        _ = try reassembler.receive(header: header)
        #expect(throws: SocketIODecodingError.unexpectedText) { try reassembler.receive(header: header) }
    }

    @Test func placeholdersInTextPacketsAreData() throws {
        var reassembler = SocketIOBinaryReassembler()
        let header = try SocketIOPacketDecoder.decode(#"2["m",{"_placeholder":true,"num":1e20}]"#)
        #expect(try reassembler.receive(header: header) == header.packet)
        #expect(header.packet.data == ["m", ["_placeholder": true, "num": 1e20]])
    }

    @Test func placeholderOutOfRangeIsAnError() throws {
        var reassembler = SocketIOBinaryReassembler()
        let header = try SocketIOPacketDecoder.decode(#"51-["m",{"_placeholder":true,"num":5}]"#)
        _ = try reassembler.receive(header: header)
        #expect(throws: SocketIODecodingError.invalidPlaceholder) { try reassembler.receive(attachment: Data([1])) }
    }
}
