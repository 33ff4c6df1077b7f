import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("UserStore conformance")
struct UserStoreConformanceTests {
    @Test("MongoDB conformance runs only against a server", .enabled(if: Engine.mongoURL != nil, "MONGODB_URL is not set: the MongoDB engine is not exercised here"))
    func mongoDBServerIsReachable() async throws {
        try await withStore(.mongodb) { store in try await store.ping() }
    }

    static func sampleUser(_ name: String, email: String? = nil, roles: [Role] = [.user], created: Date = Date()) -> User {
        User(
            username: name, email: email ?? "\(name.lowercased())@example.com", passwordHash: "$2b$10$abcdefghijklmnopqrstuv",
            roles: roles, createdAt: created, bio: "bio of \(name)")
    }

    @Test(arguments: Engine.available)
    func insertedUserReadsBackWithEveryField(engine: Engine) async throws {
        try await withStore(engine) { store in
            let created = Date(timeIntervalSince1970: 1_736_899_200.123)
            var user = Self.sampleUser("alice", roles: [.groupAdmin, .user], created: created)
            user.lastLogin = created.addingTimeInterval(60)
            user.phone = "+1 555"
            try await store.users.insert(user)

            let found = try #require(try await store.users.find(id: user.id))
            #expect(found == user)
            #expect(try await store.users.find(id: ObjectId()) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func loginLookupMatchesUsernameOrEmailIgnoringCase(engine: Engine) async throws {
        try await withStore(engine) { store in
            let user = Self.sampleUser("Alice", email: "alice@example.com")
            try await store.users.insert(user)
            #expect(try await store.users.find(login: "alice")?.id == user.id)
            #expect(try await store.users.find(login: "ALICE@example.COM")?.id == user.id)
            #expect(try await store.users.find(login: "bob") == nil)
            // A pattern is not a wildcard: nothing is matched by "a.*".
            #expect(try await store.users.find(login: "A.*") == nil)
        }
    }

    @Test(arguments: Engine.available)
    func duplicateUsernameOrEmailIsRefusedIgnoringCase(engine: Engine) async throws {
        try await withStore(engine) { store in
            try await store.users.insert(Self.sampleUser("alice", email: "alice@example.com"))
            await #expect(throws: StoreError.duplicate(field: "username")) {
                try await store.users.insert(Self.sampleUser("ALICE", email: "other@example.com"))
            }
            await #expect(throws: StoreError.duplicate(field: "email")) {
                try await store.users.insert(Self.sampleUser("bob", email: "Alice@Example.com"))
            }
            let page = try await store.users.list(UserQuery())
            #expect(page.total == 1)
        }
    }

    @Test(arguments: Engine.available)
    func updateWritesOnlyTheGivenFields(engine: Engine) async throws {
        try await withStore(engine) { store in
            let user = Self.sampleUser("carol")
            try await store.users.insert(user)
            let later = user.createdAt.addingTimeInterval(120)
            let updated = try #require(
                try await store.users.update(
                    id: user.id, UserChanges(roles: [.superAdmin], isActive: false, bio: .some(nil), phone: "123"), at: later))
            #expect(updated.roles == [.superAdmin])
            #expect(updated.isActive == false)
            #expect(updated.bio == nil)
            #expect(updated.phone == "123")
            #expect(updated.username == "carol")
            #expect(updated.passwordHash == user.passwordHash)
            #expect(abs(updated.updatedAt.timeIntervalSince(later)) < 0.002)
            #expect(try await store.users.find(id: user.id) == updated)
            #expect(try await store.users.update(id: ObjectId(), UserChanges(bio: "x"), at: later) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func updateToATakenUsernameIsRefused(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = Self.sampleUser("alice")
            try await store.users.insert(alice)
            try await store.users.insert(Self.sampleUser("bob"))
            await #expect(throws: StoreError.duplicate(field: "username")) {
                _ = try await store.users.update(id: alice.id, UserChanges(username: "Bob"), at: Date())
            }
            #expect(try await store.users.find(id: alice.id)?.username == "alice")
        }
    }

    @Test(arguments: Engine.available)
    func listFiltersPagesAndSortsNewestFirst(engine: Engine) async throws {
        try await withStore(engine) { store in
            let base = Date(timeIntervalSince1970: 1_700_000_000)
            for index in 0..<7 {
                let roles: [Role] = index == 0 ? [.superAdmin] : [.user]
                try await store.users.insert(Self.sampleUser("user\(index)", roles: roles, created: base.addingTimeInterval(Double(index))))
            }
            try await store.users.insert(Self.sampleUser("special.(chars)", email: "odd+1@example.com", created: base.addingTimeInterval(100)))

            let first = try await store.users.list(UserQuery(page: PageRequest(page: 1, limit: 3)))
            #expect(first.total == 8)
            #expect(first.items.map(\.username) == ["special.(chars)", "user6", "user5"])
            let third = try await store.users.list(UserQuery(page: PageRequest(page: 3, limit: 3)))
            #expect(third.items.map(\.username) == ["user1", "user0"])

            let searched = try await store.users.list(UserQuery(search: "USER1"))
            #expect(searched.items.map(\.username) == ["user1"])
            // Search text is literal: regex metacharacters match only themselves.
            #expect(try await store.users.list(UserQuery(search: "(chars)")).total == 1)
            #expect(try await store.users.list(UserQuery(search: ".*")).total == 0)
            #expect(try await store.users.list(UserQuery(search: "odd+1@")).total == 1)
            // Without email matching, only usernames count.
            #expect(try await store.users.list(UserQuery(search: "odd+1@", searchesEmail: false)).total == 0)
            #expect(try await store.users.list(UserQuery(search: "(chars)", searchesEmail: false)).total == 1)

            #expect(try await store.users.list(UserQuery(role: .superAdmin)).items.map(\.username) == ["user0"])
            #expect(try await store.users.count(role: .superAdmin) == 1)
            #expect(try await store.users.count(role: .user) == 7)
        }
    }

    @Test(arguments: Engine.available)
    func deleteRemovesTheUser(engine: Engine) async throws {
        try await withStore(engine) { store in
            let user = Self.sampleUser("dave")
            try await store.users.insert(user)
            #expect(try await store.users.delete(id: user.id))
            #expect(try await store.users.find(id: user.id) == nil)
            #expect(try await store.users.delete(id: user.id) == false)
        }
    }

    @Test(arguments: Engine.available)
    func removeAllEmptiesTheStore(engine: Engine) async throws {
        try await withStore(engine) { store in
            try await store.users.insert(Self.sampleUser("erin"))
            let removed = try await store.removeAll()
            #expect(removed["users"] == 1)
            #expect(try await store.users.list(UserQuery()).total == 0)
        }
    }
}
