import Foundation
import Logging
import NIOPosix
import ParleyCore
import RedisClient
import RedisTestSupport
import Testing
@testable import ParleyServer

/// A change made on one node drops what another node cached about the caller before anything
/// on that node hears of the event (the cache never waits for a subscriber's stream).
@Suite(.enabled(if: RedisServerProcess.binary != nil, "redis-server is not installed (apt-get install redis-server)"))
struct RedisCallerCacheTests {
    @Test func anAccountChangedOnOneNodeIsForgottenOnAnotherBeforeItsSubscribersHear() async throws {
        let server = try RedisServerProcess()
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let url = RedisURL(host: "127.0.0.1", port: server.port)
        let a = RedisEventBusTests.Node("A", url: url, pool: pool)
        let b = RedisEventBusTests.Node("B", url: url, pool: pool)
        #expect(await a.subscriber.waitUntilSubscribed())
        #expect(await b.subscriber.waitUntilSubscribed())

        let cacheOnB = CallerCache(lifetime: .seconds(60))
        b.bus.observeRemoteEvents(arrived: cacheOnB.invalidate(for:), lost: cacheOnB.forgetAll)
        let user = User(username: "dora", email: "dora@example.com", passwordHash: "x", roles: [.user])
        cacheOnB.remember(user, readAt: cacheOnB.ticket())
        #expect(cacheOnB.user(user.id) != nil)

        let heardOnB = b.bus.subscribe()
        a.bus.publish(.accountChanged(userId: user.id))
        let listening = Task { () -> User?? in
            for await event in heardOnB where event == .accountChanged(userId: user.id) {
                return .some(cacheOnB.user(user.id))
            }
            return nil
        }
        let deadline = Task {
            try? await Task.sleep(for: .seconds(10))
            listening.cancel()
        }
        // Heard (an outer value), and the user was no longer cached at that moment (nil inside).
        let cachedWhenHeard = await listening.value
        deadline.cancel()
        #expect(cachedWhenHeard == .some(nil))

        await a.shutdown()
        await b.shutdown()
        try await pool.shutdownGracefully()
        server.stop()
    }

    @Test func aReadUnderWayDuringAnInvalidationIsNotRemembered() {
        let cache = CallerCache()
        let user = User(username: "erin", email: "erin@example.com", passwordHash: "x", roles: [.user])
        let ticket = cache.ticket()
        cache.invalidate(for: .accountChanged(userId: user.id))
        cache.remember(user, readAt: ticket)
        #expect(cache.user(user.id) == nil)
        cache.remember(user, readAt: cache.ticket())
        #expect(cache.user(user.id) != nil)
    }
}
