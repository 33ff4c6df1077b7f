import CHiredis

extension RedisValue {
    /// Copies a hiredis reply tree (the reply is freed by the caller).
    init(reply: UnsafeMutablePointer<redisReply>) throws {
        let node = reply.pointee
        switch node.type {
        case REDIS_REPLY_NIL:
            self = .null
        case REDIS_REPLY_INTEGER:
            self = .integer(Int64(node.integer))
        case REDIS_REPLY_STRING:
            self = .bulk(Self.bytes(node))
        case REDIS_REPLY_STATUS:
            self = .status(String(decoding: Self.bytes(node), as: UTF8.self))
        case REDIS_REPLY_ERROR:
            throw RedisError.server(String(decoding: Self.bytes(node), as: UTF8.self))
        case REDIS_REPLY_ARRAY:
            var elements: [RedisValue] = []
            elements.reserveCapacity(node.elements)
            for index in 0..<node.elements {
                guard let element = node.element[index] else { throw RedisError.protocolError("missing array element") }
                elements.append(try RedisValue(reply: element))
            }
            self = .array(elements)
        default:
            throw RedisError.protocolError("unknown reply type \(node.type)")
        }
    }

    private static func bytes(_ node: redisReply) -> [UInt8] {
        guard let text = node.str, node.len > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: text, count: node.len).bindMemory(to: UInt8.self))
    }
}
