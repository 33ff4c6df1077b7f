import NIOCore

/// The header of a whole, unmasked WebSocket message frame as a server sends it (RFC 6455
/// §5.2): FIN and the opcode, then the payload length in 1, 3 or 9 bytes. No extension is
/// ever negotiated, so nothing else goes in it.
struct WebSocketServerFrameHeader: Equatable {
    /// FIN set, with the text (1) or binary (2) opcode.
    let firstByte: UInt8
    let payloadLength: Int

    init(for frame: EngineFrame) {
        switch frame {
        case .text(let buffer):
            self.init(firstByte: 0x81, payloadLength: buffer.readableBytes)
        case .binary(let buffer):
            self.init(firstByte: 0x82, payloadLength: buffer.readableBytes)
        }
    }

    init(firstByte: UInt8, payloadLength: Int) {
        self.firstByte = firstByte
        self.payloadLength = payloadLength
    }

    var byteCount: Int {
        switch payloadLength {
        case ...125: return 2
        case ...Int(UInt16.max): return 4
        default: return 10
        }
    }

    func write(to buffer: inout ByteBuffer) {
        buffer.writeInteger(firstByte)
        switch byteCount {
        case 2:
            buffer.writeInteger(UInt8(payloadLength))
        case 4:
            buffer.writeInteger(UInt8(126))
            buffer.writeInteger(UInt16(payloadLength))
        default:
            buffer.writeInteger(UInt8(127))
            buffer.writeInteger(UInt64(payloadLength))
        }
    }

    /// Whether these exact header bytes sit in `buffer` at `index`.
    func isWritten(in buffer: ByteBuffer, at index: Int) -> Bool {
        guard index >= 0, buffer.getInteger(at: index, as: UInt8.self) == firstByte else { return false }
        switch byteCount {
        case 2:
            return buffer.getInteger(at: index + 1, as: UInt8.self) == UInt8(payloadLength)
        case 4:
            return buffer.getInteger(at: index + 1, as: UInt8.self) == 126
                && buffer.getInteger(at: index + 2, as: UInt16.self) == UInt16(payloadLength)
        default:
            return buffer.getInteger(at: index + 1, as: UInt8.self) == 127
                && buffer.getInteger(at: index + 2, as: UInt64.self) == UInt64(payloadLength)
        }
    }
}
