import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("AuthSessionStore conformance")
struct AuthSessionStoreConformanceTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    static func user(_ store: any Store) async throws -> User {
        let user = UserStoreConformanceTests.sampleUser("session-owner-\(ObjectId().hexString.suffix(6))")
        try await store.users.insert(user)
        return user
    }

    @Test(arguments: Engine.available)
    func sessionsRoundTripAndTouch(engine: Engine) async throws {
        try await withStore(engine) { store in
            let owner = try await Self.user(store)
            let session = AuthSession(
                userId: owner.id, createdAt: Self.now, expiresAt: Self.now.addingTimeInterval(3600), userAgent: "tests",
                ipAddress: "127.0.0.1")
            try await store.sessions.insert(session)
            #expect(try await store.sessions.find(id: session.id) == session)

            #expect(try await store.sessions.touch(id: session.id, at: Self.now.addingTimeInterval(10)))
            let touched = try #require(try await store.sessions.find(id: session.id))
            #expect(touched.lastUsedAt == Self.now.addingTimeInterval(10))
            #expect(try await store.sessions.touch(id: ObjectId(), at: Self.now) == false)
        }
    }

    @Test(arguments: Engine.available)
    func revokeIsOnceAndRevokeAllOnlyTouchesLiveSessionsOfThatUser(engine: Engine) async throws {
        try await withStore(engine) { store in
            let owner = try await Self.user(store)
            let other = try await Self.user(store)
            let sessions = (0..<3).map { index in
                AuthSession(userId: owner.id, createdAt: Self.now.addingTimeInterval(Double(index)), expiresAt: Self.now.addingTimeInterval(3600))
            }
            for session in sessions { try await store.sessions.insert(session) }
            let othersSession = AuthSession(userId: other.id, createdAt: Self.now, expiresAt: Self.now.addingTimeInterval(3600))
            try await store.sessions.insert(othersSession)

            #expect(try await store.sessions.revoke(id: sessions[0].id, at: Self.now))
            #expect(try await store.sessions.revoke(id: sessions[0].id, at: Self.now) == false)
            #expect(try await store.sessions.find(id: sessions[0].id)?.revokedAt == Self.now)

            let live = try await store.sessions.liveSessions(userId: owner.id, at: Self.now)
            #expect(live.map(\.id) == [sessions[2].id, sessions[1].id])

            #expect(try await store.sessions.revokeAll(userId: owner.id, at: Self.now) == 2)
            #expect(try await store.sessions.liveSessions(userId: owner.id, at: Self.now).isEmpty)
            #expect(try await store.sessions.find(id: othersSession.id)?.revokedAt == nil)
        }
    }

    @Test(arguments: Engine.available)
    func expiredSessionsAreNotLiveAndCanBeSwept(engine: Engine) async throws {
        try await withStore(engine) { store in
            let owner = try await Self.user(store)
            let expired = AuthSession(userId: owner.id, createdAt: Self.now.addingTimeInterval(-7200), expiresAt: Self.now.addingTimeInterval(-1))
            let current = AuthSession(userId: owner.id, createdAt: Self.now, expiresAt: Self.now.addingTimeInterval(60))
            try await store.sessions.insert(expired)
            try await store.sessions.insert(current)
            #expect(try await store.sessions.liveSessions(userId: owner.id, at: Self.now).map(\.id) == [current.id])
            #expect(try await store.sessions.deleteExpired(before: Self.now) == 1)
            #expect(try await store.sessions.find(id: expired.id) == nil)
            #expect(try await store.sessions.find(id: current.id) != nil)
        }
    }
}
