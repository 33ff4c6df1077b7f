import Foundation
import NIOCore

/// A broadcast relayed between servers: who sent it, whom it is for, and the packet's frames
/// as the sending server encoded them (each server delivers those bytes unchanged).
///
/// Wire form (binary-safe): a 4-byte big-endian length and a JSON header, then per frame one
/// kind byte (0 text, 1 binary), a 4-byte big-endian length and the bytes.
struct RedisAdapterMessage: Equatable {
    struct Header: Codable, Equatable {
        var node: String
        var rooms: [String]
        var except: [String]
        var recoverable: Bool
    }

    var header: Header
    var frames: [EngineFrame]

    init(node: String, options: SocketIOBroadcastOptions, recoverable: Bool, frames: [EngineFrame]) {
        header = Header(node: node, rooms: options.rooms.sorted(), except: options.except.sorted(), recoverable: recoverable)
        self.frames = frames
    }

    var options: SocketIOBroadcastOptions {
        SocketIOBroadcastOptions(rooms: Set(header.rooms), except: Set(header.except), local: true)
    }

    func encoded() throws -> [UInt8] {
        let json = try JSONEncoder().encode(header)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.count + frames.reduce(4) { $0 + 5 + $1.byteCount })
        Self.append(UInt32(json.count), to: &bytes)
        bytes.append(contentsOf: json)
        for frame in frames {
            switch frame {
            case .text(let buffer):
                bytes.append(0)
                Self.append(UInt32(buffer.readableBytes), to: &bytes)
                bytes.append(contentsOf: buffer.readableBytesView)
            case .binary(let buffer):
                bytes.append(1)
                Self.append(UInt32(buffer.readableBytes), to: &bytes)
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        }
        return bytes
    }

    init(decoding bytes: [UInt8]) throws {
        var cursor = bytes[...]
        let headerLength = try Self.readLength(&cursor)
        guard cursor.count >= headerLength else { throw RedisAdapterMessageError() }
        header = try JSONDecoder().decode(Header.self, from: Data(cursor.prefix(headerLength)))
        cursor = cursor.dropFirst(headerLength)
        frames = []
        while let kind = cursor.popFirst() {
            let length = try Self.readLength(&cursor)
            guard kind <= 1, cursor.count >= length else { throw RedisAdapterMessageError() }
            let buffer = ByteBuffer(bytes: cursor.prefix(length))
            frames.append(kind == 0 ? .text(buffer) : .binary(buffer))
            cursor = cursor.dropFirst(length)
        }
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }

    private static func readLength(_ cursor: inout ArraySlice<UInt8>) throws -> Int {
        guard cursor.count >= 4 else { throw RedisAdapterMessageError() }
        let value = cursor.prefix(4).reduce(0) { ($0 << 8) | Int($1) }
        cursor = cursor.dropFirst(4)
        return value
    }
}

struct RedisAdapterMessageError: Error {}
