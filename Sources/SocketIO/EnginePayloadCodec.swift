import Foundation
import NIOCore

/// Long-polling payload framing of Engine.IO v4: packets joined by the record separator
/// `\u{1e}`; binary packets written as `b` followed by base64.
public enum EnginePayloadCodec {
    public static let recordSeparator: UInt8 = 0x1E

    /// Joins frames into one polling response body.
    public static func encode(_ frames: [EngineFrame]) -> ByteBuffer {
        var out = ByteBuffer()
        for (index, frame) in frames.enumerated() {
            if index > 0 { out.writeInteger(recordSeparator) }
            switch frame {
            case .text(let buffer):
                var copy = buffer
                out.writeBuffer(&copy)
            case .binary(let buffer):
                out.writeString("b")
                out.writeString(Data(buffer.readableBytesView).base64EncodedString())
            }
        }
        return out
    }

    /// Splits a POST body into packets. Any malformed record fails the whole payload,
    /// which closes the session (as the reference server does).
    public static func decode(_ body: ByteBuffer) throws(EngineDecodingError) -> [EnginePacket] {
        let bytes = body.readableBytesView
        guard !bytes.isEmpty else { throw .emptyPacket }
        var packets: [EnginePacket] = []
        for record in bytes.split(separator: recordSeparator, omittingEmptySubsequences: false) {
            guard let first = record.first else { throw .emptyPacket }
            if first == UInt8(ascii: "b") {
                guard let data = Data(base64Encoded: Data(record.dropFirst())) else { throw .invalidBase64 }
                packets.append(EnginePacket(binary: ByteBuffer(bytes: data)))
            } else {
                // Invalid UTF-8 is repaired rather than trusted; the type digit check still applies.
                let text = String(decoding: record, as: UTF8.self)
                packets.append(try EnginePacket.decode(text: Substring(text)))
            }
        }
        return packets
    }
}
