import Foundation
import ParleyCore
import ParleyStore
import Testing

/// Names that differ only in case are one name on both engines, past ASCII too: SQLite's
/// NOCASE folded ASCII only, so `Équipe x` and `équipe x` were two groups there and one on
/// MongoDB. Accents still tell names apart, as MongoDB's strength-2 collation does.
@Suite("Unicode case-insensitive uniqueness conformance")
struct UnicodeCaseUniquenessConformanceTests {
    typealias F = StoreFixtures

    private static func user(_ name: String, email: String) -> User {
        User(username: name, email: email, passwordHash: "$2b$10$abcdefghijklmnopqrstuv", roles: [.user], createdAt: F.at(0))
    }

    @Test(arguments: Engine.available)
    func groupNamesFoldUnicodeCase(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            try await F.insertGroup(store, "Équipe x", by: alice)
            for name in ["équipe x", "ÉQUIPE X"] {
                await #expect(throws: StoreError.duplicate(field: "name"), "\(name)") {
                    try await store.groups.insert(F.group(name, by: alice))
                }
            }
            let plain = try await F.insertGroup(store, "Equipe x", by: alice)
            #expect(try await store.groups.find(id: plain.id)?.name == "Equipe x", "an accent makes another name")
            await #expect(throws: StoreError.duplicate(field: "name")) {
                _ = try await store.groups.update(id: plain.id, GroupChanges(name: "éQUIPE x"), at: F.at(10))
            }
            #expect(try await store.groups.list(GroupQuery()).total == 2)
        }
    }

    @Test(arguments: Engine.available)
    func usernamesAndEmailsFoldUnicodeCase(engine: Engine) async throws {
        try await withStore(engine) { store in
            let olaf = Self.user("Ölaf", email: "jürgen@example.com")
            try await store.users.insert(olaf)
            await #expect(throws: StoreError.duplicate(field: "username")) {
                try await store.users.insert(Self.user("ölaf", email: "other@example.com"))
            }
            await #expect(throws: StoreError.duplicate(field: "email")) {
                try await store.users.insert(Self.user("someone", email: "JÜRGEN@example.com"))
            }
            try await store.users.insert(Self.user("Straße", email: "strasse@example.com"))
            await #expect(throws: StoreError.duplicate(field: "username"), "ß folds to ss") {
                try await store.users.insert(Self.user("STRASSE", email: "upper@example.com"))
            }
            #expect(try await store.users.find(login: "ÖLAF")?.id == olaf.id)
            #expect(try await store.users.find(login: "Jürgen@EXAMPLE.com")?.id == olaf.id)
            #expect(try await store.users.list(UserQuery()).total == 2)
        }
    }

    @Test(arguments: Engine.available)
    func channelNamesFoldUnicodeCaseWithinAGroupOnly(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let first = try await F.insertGroup(store, "First", by: alice)
            let second = try await F.insertGroup(store, "Second", by: alice)
            let channel = try await F.insertChannel(store, "Équipe", in: first, by: alice)
            try await F.insertChannel(store, "équipe", in: second, by: alice)
            await #expect(throws: StoreError.duplicate(field: "name")) {
                try await F.insertChannel(store, "ÉQUIPE", in: first, by: alice)
            }
            #expect(try await store.channels.find(groupId: first.id, name: "éQUIPE")?.id == channel.id)
            #expect(try await store.channels.list(ChannelQuery(groupIds: [first.id, second.id])).total == 2)
        }
    }
}
