import NIOCore
import SocketIO

/// One input is both a long-polling POST body and the text of one WebSocket frame.
///
/// Invariants: a payload that decodes re-encodes to a payload that decodes to the same
/// packets (one per record); a WebSocket text frame that decodes re-encodes to the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    checkPollingPayload(ByteBuffer(bytes: bytes))
    checkWebSocketText(String(decoding: bytes, as: UTF8.self))
    return 0
}

private func checkPollingPayload(_ body: ByteBuffer) {
    guard let packets = try? EnginePayloadCodec.decode(body) else { return }
    let records = body.readableBytesView.split(separator: EnginePayloadCodec.recordSeparator, omittingEmptySubsequences: false)
    precondition(packets.count == records.count, "one packet per record")
    let encoded = EnginePayloadCodec.encode(packets.map(\.frame))
    guard let again = try? EnginePayloadCodec.decode(encoded) else {
        preconditionFailure("re-encoded payload does not decode: \(String(buffer: encoded))")
    }
    precondition(again == packets, "payload round trip changed the packets")
}

private func checkWebSocketText(_ text: String) {
    // What the WebSocket transport does with a text frame.
    guard let packet = try? EnginePacket.decode(text: Substring(text)) else { return }
    precondition(packet.frame == .text(text), "frame round trip changed the text")
    guard case .text(let data) = packet.payload else { preconditionFailure("a text frame decoded to binary") }
    precondition(text.dropFirst() == data, "the data is everything after the type digit")
}
