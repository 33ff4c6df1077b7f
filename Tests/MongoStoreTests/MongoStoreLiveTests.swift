import Foundation
import Logging
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// A smoke test against a real server, run only when MONGODB_URL is set (the full behaviour is
/// covered by the cross-engine conformance suite). Uses a database of its own and empties it.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MONGODB_URL"] != nil, "set MONGODB_URL to run"))
struct MongoStoreLiveTests {
    /// The server URL with its database path replaced by a fresh name, keeping credentials and options.
    static func uniqueDatabaseURL() -> String {
        let base = ProcessInfo.processInfo.environment["MONGODB_URL"] ?? ""
        let name = "parley_smoke_\(UInt32.random(in: 0...UInt32.max))"
        guard let schemeEnd = base.range(of: "://") else { return base }
        let rest = base[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let query = rest[authorityEnd...].firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        return String(base[..<authorityEnd]) + "/" + name + query
    }

    @Test func aCommandTheServerRefusesIsRejectedNamingItNotUnavailable() async throws {
        let store = try await MongoStore.connect(url: Self.uniqueDatabaseURL(), logger: Logger(label: "MongoStoreLiveTests"))
        do {
            _ = try await store.removeAll()
            let messages = MongoCollection(connection: store.connection, name: MessageDocuments.collection)
            let id = ObjectId()
            try await messages.insertOne(["_id": .objectId(id), "editCount": "many"])
            await #expect {
                _ = try await messages.updateOne(["_id": .objectId(id)], update: ["$inc": ["editCount": 1]])
            } throws: { error in
                guard case .rejected(let text)? = error as? StoreError else { return false }
                return text.hasPrefix("update on messages: ") && text.contains("non-numeric")
            }
            _ = try await store.removeAll()
        } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }

    @Test func insertFindUpdateDuplicateRoundTrip() async throws {
        let store = try await MongoStore.connect(url: Self.uniqueDatabaseURL(), logger: Logger(label: "MongoStoreLiveTests"))
        do {
            try await store.ping()
            _ = try await store.removeAll()

            let user = User(
                username: "Alice", email: "alice@example.com", passwordHash: "hash",
                createdAt: Date(timeIntervalSince1970: 1_700_000_000.123))
            try await store.users.insert(user)
            #expect(try await store.users.find(id: user.id) == user)
            #expect(try await store.users.find(login: "ALICE")?.id == user.id, "login ignores case")
            #expect(try await store.users.find(login: "Alice@Example.com")?.id == user.id)

            let now = Date(timeIntervalSince1970: 1_700_000_500.5)
            let updated = try await store.users.update(id: user.id, UserChanges(bio: "hello", phone: .some(nil)), at: now)
            #expect(updated?.bio == "hello")
            #expect(updated?.updatedAt == now)
            #expect(try await store.users.update(id: ObjectId(), UserChanges(bio: "x"), at: now) == nil)

            await #expect(throws: StoreError.duplicate(field: "username")) {
                try await store.users.insert(User(username: "alice", email: "other@example.com", passwordHash: "h"))
            }
            await #expect(throws: StoreError.duplicate(field: "email")) {
                try await store.users.insert(User(username: "bob", email: "ALICE@example.com", passwordHash: "h"))
            }

            let page = try await store.users.list(UserQuery(search: "LIC"))
            #expect(page.total == 1 && page.items.first?.id == user.id)
            #expect(try await store.users.list(UserQuery(search: ".*")).total == 0, "search is literal")
            #expect(try await store.users.count(role: .user) == 1)

            let session = AuthSession(userId: user.id, expiresAt: Date().addingTimeInterval(3600))
            try await store.sessions.insert(session)
            #expect(try await store.sessions.liveSessions(userId: user.id, at: Date()).map(\.id) == [session.id])
            #expect(try await store.sessions.revoke(id: session.id, at: Date()))
            #expect(try await store.sessions.revoke(id: session.id, at: Date()) == false)

            let removed = try await store.removeAll()
            #expect(removed["users"] == 1 && removed["authSessions"] == 1)
        } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }
}
