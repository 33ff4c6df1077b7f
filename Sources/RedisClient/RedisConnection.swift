import CHiredis
import Foundation

/// One blocking hiredis context. Every call blocks the calling thread: use it only on a
/// thread-pool thread or a dedicated thread, and from one thread at a time (its owner holds
/// it under a lock).
final class RedisConnection: @unchecked Sendable {
    private let context: UnsafeMutablePointer<redisContext>

    /// Connects, then authenticates and selects the database, so a connection is ready (or
    /// not made at all).
    static func open(_ url: RedisURL, connectTimeout: Duration, commandTimeout: Duration) throws -> RedisConnection {
        guard let context = redisConnectWithTimeout(url.host, Int32(url.port), timeval(connectTimeout)) else {
            throw RedisError.unreachable("cannot allocate a Redis context")
        }
        let connection = RedisConnection(context: context)
        if context.pointee.err != 0 {
            let message = connection.errorText
            connection.close()
            throw RedisError.unreachable("\(url.host):\(url.port): \(message)")
        }
        _ = redisSetTimeout(context, timeval(commandTimeout))
        _ = redisEnableKeepAlive(context)
        do {
            if let password = url.password { _ = try connection.command([Array("AUTH".utf8), Array(password.utf8)]) }
            if url.database != 0 { _ = try connection.command([Array("SELECT".utf8), Array(String(url.database).utf8)]) }
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    private init(context: UnsafeMutablePointer<redisContext>) {
        self.context = context
    }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        redisFree(context)
    }

    /// The socket, for `poll` by a subscriber waiting for messages.
    var fileDescriptor: Int32 { context.pointee.fd }

    /// Whether the context broke (it cannot be used again).
    var isBroken: Bool { context.pointee.err != 0 }

    /// Whether the break happened because the server closed the connection or reset it (a
    /// restart), as opposed to a timeout, after which the command may have run.
    var brokeBeforeReply: Bool {
        context.pointee.err == REDIS_ERR_EOF
    }

    var errorText: String {
        withUnsafeBytes(of: context.pointee.errstr) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// Sends one command and waits for its reply.
    func command(_ arguments: [[UInt8]]) throws -> RedisValue {
        try append(arguments)
        return try readReply()
    }

    /// Queues a command in the output buffer (sent by the next read).
    func append(_ arguments: [[UInt8]]) throws {
        let status = withArgv(arguments) { argc, argv, lengths in
            redisAppendCommandArgv(context, argc, argv, lengths)
        }
        guard status == REDIS_OK else { throw failure() }
    }

    /// Flushes what is queued and blocks (up to the command timeout) for the next reply.
    func readReply() throws -> RedisValue {
        var reply: UnsafeMutableRawPointer?
        guard redisGetReply(context, &reply) == REDIS_OK, let reply else { throw failure() }
        defer { freeReplyObject(reply) }
        return try RedisValue(reply: reply.assumingMemoryBound(to: redisReply.self))
    }

    /// A reply already read into the buffer, if a whole one is there (never blocks).
    func bufferedReply() throws -> RedisValue? {
        var reply: UnsafeMutableRawPointer?
        guard redisGetReplyFromReader(context, &reply) == REDIS_OK else { throw failure() }
        guard let reply else { return nil }
        defer { freeReplyObject(reply) }
        return try RedisValue(reply: reply.assumingMemoryBound(to: redisReply.self))
    }

    /// Reads what the socket has into the buffer (call after `poll` said it is readable).
    func fill() throws {
        guard redisBufferRead(context) == REDIS_OK else { throw failure() }
    }

    private func failure() -> RedisError {
        if context.pointee.err == REDIS_ERR_PROTOCOL { return .protocolError(errorText) }
        return .unreachable(errorText.isEmpty ? "connection lost" : errorText)
    }

    private func withArgv<T>(
        _ arguments: [[UInt8]], _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> T
    ) -> T {
        // One contiguous copy of every argument (hiredis copies them into its buffer at once).
        var storage: [CChar] = []
        storage.reserveCapacity(arguments.reduce(0) { $0 + $1.count })
        var offsets: [Int] = []
        for argument in arguments {
            offsets.append(storage.count)
            storage.append(contentsOf: argument.map { CChar(bitPattern: $0) })
        }
        let lengths = arguments.map(\.count)
        return storage.withUnsafeBufferPointer { buffer in
            var pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                // A zero-length argument still needs a valid pointer.
                buffer.baseAddress.map { $0 + offset } ?? UnsafePointer(bitPattern: 1)
            }
            return pointers.withUnsafeMutableBufferPointer { argv in
                lengths.withUnsafeBufferPointer { body(Int32(arguments.count), argv.baseAddress!, $0.baseAddress!) }
            }
        }
    }
}

private func timeval(_ duration: Duration) -> timeval {
    let (seconds, attoseconds) = duration.components
    return Foundation.timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
}
