import Foundation
import NIOCore
import SocketIO

/// One input is a long-polling POST body as it arrives on the wire (records separated by
/// `0x1e`, `b<base64>` for binary attachments), which is also the text of WebSocket frames
/// joined by `0x1e`. Its Engine.IO `message` packets go through the Socket.IO decoder and the
/// binary reassembler as `SocketIOConnection` drives them; after a decoding error a fresh
/// reassembler stands for the next connection.
///
/// Invariants on each packet that comes out: attachments only in binary packets; encoding it
/// and decoding the frames again gives the same packet and, encoded, the same frames.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = ByteBuffer(bytes: UnsafeBufferPointer(start: data, count: size))
    guard let messages = try? EnginePayloadCodec.decode(body) else { return 0 }
    var reassembler = SocketIOBinaryReassembler()
    for message in messages where message.type == .message {
        do throws(SocketIODecodingError) {
            switch message.payload {
            case .text(let text):
                let header = try SocketIOPacketDecoder.decode(Substring(text))
                precondition(header.attachments <= 10, "attachment count above the limit")
                if let packet = try reassembler.receive(header: header) { check(packet) }
            case .binary(let buffer):
                if let packet = try reassembler.receive(attachment: Data(buffer.readableBytesView)) { check(packet) }
            }
        } catch {
            reassembler = SocketIOBinaryReassembler()
        }
    }
    return 0
}

private func check(_ packet: SocketIOPacket) {
    if !packet.type.isBinary {
        precondition(packet.data?.containsBinary != true, "an attachment in a text packet")
    }
    let frames = SocketIOPacketEncoder.encode(packet)
    let decoded = decode(frames)
    precondition(SocketIOPacketEncoder.encode(decoded) == frames, "encode → decode → encode changed the frames")
    // A number too large for a double decodes as infinity and is written as null, as
    // JSON.stringify does; apart from that the values must match exactly. Only the type may
    // lose its BINARY_ prefix when no attachment is left.
    guard !(packet.data.map(hasNonFiniteNumber) ?? false) else { return }
    var expected = packet
    if decoded.type != packet.type, packet.data?.containsBinary != true {
        expected.type = decoded.type
    }
    precondition(decoded == expected, "encode → decode changed the packet")
}

private func hasNonFiniteNumber(_ value: SocketIOValue) -> Bool {
    switch value {
    case .number(let number): return !number.isFinite
    case .array(let values): return values.contains(where: hasNonFiniteNumber)
    case .object(let members): return members.values.contains(where: hasNonFiniteNumber)
    default: return false
    }
}

/// Decodes the frames of one encoded packet; any failure is an invariant violation.
private func decode(_ frames: [EngineFrame]) -> SocketIOPacket {
    var reassembler = SocketIOBinaryReassembler()
    var result: SocketIOPacket?
    do throws(SocketIODecodingError) {
        for frame in frames {
            switch frame {
            case .text(let buffer):
                let text = String(buffer: buffer)
                precondition(text.first == "4", "not an Engine.IO message")
                result = try reassembler.receive(header: SocketIOPacketDecoder.decode(text.dropFirst()))
            case .binary(let buffer):
                result = try reassembler.receive(attachment: Data(buffer.readableBytesView))
            }
        }
    } catch {
        preconditionFailure("an encoded packet does not decode: \(error) \(frames)")
    }
    guard let result else { preconditionFailure("an encoded packet is incomplete: \(frames)") }
    return result
}
