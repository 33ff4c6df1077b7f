import Foundation
import Logging
import NIOPosix
import RedisClient
import RedisTestSupport
import Testing

@Suite(.enabled(if: RedisServerProcess.binary != nil, "redis-server is not installed (apt-get install redis-server)"))
struct RedisClientTests {
    let logger = Logger(label: "redis-test")

    private func withClient<T>(
        _ server: RedisServerProcess, database: Int = 0, _ body: (RedisClient) async throws -> T
    ) async throws -> T {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let url = RedisURL(host: "127.0.0.1", port: server.port, password: server.password, database: database)
        let client = RedisClient(url: url, threadPool: pool, logger: logger, connections: 2, connectTimeout: .seconds(1))
        let result: Result<T, any Error>
        do {
            result = .success(try await body(client))
        } catch {
            result = .failure(error)
        }
        client.shutdown()
        try? await pool.shutdownGracefully()
        return try result.get()
    }

    @Test func commandsReturnTheirReplies() async throws {
        let server = try RedisServerProcess()
        try await withClient(server) { redis in
            #expect(try await redis.send(["PING"]) == .status("PONG"))
            #expect(try await redis.send(["SET", "greeting", "hello"]) == .status("OK"))
            #expect(try await redis.send(["GET", "greeting"]).string == "hello")
            #expect(try await redis.send(["GET", "missing"]) == .null)
            #expect(try await redis.send(["INCRBY", "counter", "41"]).int == 41)
            #expect(try await redis.send(["INCR", "counter"]) == .integer(42))
            _ = try await redis.send(["RPUSH", "list", "a", "b", ""])
            #expect(try await redis.send(["LRANGE", "list", "0", "-1"]) == .array([.bulk(Array("a".utf8)), .bulk(Array("b".utf8)), .bulk([])]))
            #expect(redis.isUp)
        }
    }

    @Test func errorRepliesAreServerErrors() async throws {
        let server = try RedisServerProcess()
        try await withClient(server) { redis in
            _ = try await redis.send(["SET", "text", "x"])
            await #expect(throws: RedisError.self) { _ = try await redis.send(["LPUSH", "text", "y"]) }
            do {
                _ = try await redis.send(["NOSUCHCOMMAND"])
                Issue.record("an unknown command must fail")
            } catch RedisError.server(let message) {
                #expect(message.hasPrefix("ERR"))
            }
            // The connection survives an error reply.
            #expect(try await redis.send(["GET", "text"]).string == "x")
            #expect(redis.isUp)
        }
    }

    @Test func payloadsAreBinarySafe() async throws {
        let server = try RedisServerProcess()
        let payload: [UInt8] = [0, 1, 2, 13, 10, 0xFF, 0xFE, 0x80, 0] + Array(repeating: 0x2A, count: 100_000)
        try await withClient(server) { redis in
            _ = try await redis.send(bytes: [Array("SET".utf8), [0, 0xFF], payload])
            #expect(try await redis.send(bytes: [Array("GET".utf8), [0, 0xFF]]) == .bulk(payload))
            #expect(try await redis.send(bytes: [Array("STRLEN".utf8), [0, 0xFF]]) == .integer(Int64(payload.count)))
        }
    }

    @Test func passwordAndDatabaseAreAppliedOnConnect() async throws {
        let server = try RedisServerProcess(password: "s3cret")
        try await withClient(server, database: 3) { redis in
            _ = try await redis.send(["SET", "where", "db3"])
        }
        try await withClient(server, database: 0) { redis in
            let value = try await redis.send(["GET", "where"])
            #expect(value == .null)
        }
        try await withClient(server, database: 3) { redis in
            let value = try await redis.send(["GET", "where"])
            #expect(value.string == "db3")
        }
    }

    @Test func unreachableServerIsAnError() async throws {
        let port = try RedisServerProcess.freePort()
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let redis = RedisClient(url: RedisURL(host: "127.0.0.1", port: port), threadPool: pool, logger: logger)
        do {
            _ = try await redis.send(["PING"])
            Issue.record("a command to a closed port must fail")
        } catch RedisError.unreachable {
        }
        #expect(!redis.isUp)
        try? await pool.shutdownGracefully()
    }

    @Test func clientReconnectsAfterRestart() async throws {
        let server = try RedisServerProcess()
        try await withClient(server) { redis in
            _ = try await redis.send(["SET", "a", "1"])
            server.stop()
            await #expect(throws: RedisError.self) { _ = try await redis.send(["GET", "a"]) }
            #expect(!redis.isUp)
            try server.start()
            // The new server has no data (no persistence): the point is the command works.
            #expect(try await redis.send(["GET", "a"]) == .null)
            #expect(redis.isUp)
        }
    }

    @Test func publishedMessagesReachSubscribers() async throws {
        let server = try RedisServerProcess()
        let subscriber = RedisSubscriber(url: RedisURL(host: "127.0.0.1", port: server.port), logger: logger)
        defer { subscriber.shutdown() }
        let stream = subscriber.messages(channels: ["news"], patterns: ["room:*"])
        #expect(await subscriber.waitUntilSubscribed())
        let binary: [UInt8] = [0, 0xFF, 13, 10, 7]
        try await withClient(server) { redis in
            #expect(try await redis.send(["PUBLISH", "news", "first"]) == .integer(1))
            _ = try await redis.send(["PUBLISH", "other", "ignored"])
            _ = try await redis.send(bytes: [Array("PUBLISH".utf8), Array("room:42".utf8), binary])
        }
        var received: [RedisMessage] = []
        for await message in stream {
            received.append(message)
            if received.count == 2 { break }
        }
        #expect(received == [.message(channel: "news", payload: Array("first".utf8)), .message(channel: "room:42", payload: binary)])
    }

    @Test func subscriberResubscribesAfterRestart() async throws {
        let server = try RedisServerProcess()
        let subscriber = RedisSubscriber(url: RedisURL(host: "127.0.0.1", port: server.port), logger: logger)
        defer { subscriber.shutdown() }
        let stream = subscriber.messages(channels: ["events"])
        #expect(await subscriber.waitUntilSubscribed())
        server.stop()
        try await Task.sleep(for: .milliseconds(300))
        #expect(!subscriber.isConnected)
        try server.start()
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .reconnected)
        #expect(subscriber.isConnected)
        try await withClient(server) { redis in
            _ = try await redis.send(["PUBLISH", "events", "after restart"])
        }
        #expect(await iterator.next() == .message(channel: "events", payload: Array("after restart".utf8)))
    }

    @Test func urlsAreParsedStrictly() throws {
        let full = try RedisURL(string: "redis://:p%40ss@cache.local:6380/2")
        #expect(full == RedisURL(host: "cache.local", port: 6380, password: "p@ss", database: 2))
        #expect(try RedisURL(string: "redis://127.0.0.1") == RedisURL(host: "127.0.0.1"))
        #expect(try RedisURL(string: "redis://[::1]:7000/") == RedisURL(host: "::1", port: 7000))
        #expect(!full.description.contains("p@ss"))
        for bad in [
            "http://host", "redis://", "redis://user:pw@host", "redis://host:notaport", "redis://host:70000",
            "redis://host/db", "redis://host?timeout=1", "rediss://host",
        ] {
            #expect(throws: RedisURLError.self, "\(bad)") { _ = try RedisURL(string: bad) }
        }
    }
}
