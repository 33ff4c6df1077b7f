import Foundation
import ParleyCore
import ParleyStore
import Testing

/// The two UserStore methods added with groups: `find(ids:)` and `counts`.
@Suite("UserStore lookup and counts conformance")
struct UserStoreLookupConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func findByIdsReturnsTheUsersThatExist(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            try await F.insertUser(store, "carol")

            let found = try await store.users.find(ids: [bob.id, ObjectId(), alice.id])
            #expect(Set(found.map(\.id)) == [alice.id, bob.id])
            #expect(found.first { $0.id == alice.id } == alice)
            #expect(try await store.users.find(ids: []).isEmpty)
            #expect(try await store.users.find(ids: [ObjectId()]).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func countsSplitActiveRecentNewAndAdmins(engine: Engine) async throws {
        try await withStore(engine) { store in
            let root = try await F.insertUser(store, "root", roles: [.superAdmin, .groupAdmin], created: F.at(0))
            let lead = try await F.insertUser(store, "lead", roles: [.groupAdmin], created: F.at(100))
            let dormant = try await F.insertUser(store, "dormant", created: F.at(200))
            let gone = try await F.insertUser(store, "gone", created: F.at(300))
            try await F.insertUser(store, "fresh", created: F.at(400))
            _ = try await store.users.update(id: root.id, UserChanges(lastLogin: F.at(1000)), at: F.at(1000))
            _ = try await store.users.update(id: lead.id, UserChanges(lastLogin: F.at(500)), at: F.at(500))
            _ = try await store.users.update(id: dormant.id, UserChanges(lastLogin: F.at(10)), at: F.at(10))
            // Logged in recently, but deactivated since: not "recently active".
            _ = try await store.users.update(id: gone.id, UserChanges(isActive: false, lastLogin: F.at(900)), at: F.at(900))

            let counts = try await store.users.counts(activeSince: F.at(500), createdSince: F.at(200))
            #expect(counts == UserCounts(total: 5, active: 4, recentlyActive: 2, createdSince: 3, superAdmins: 1, groupAdmins: 2))
        }
    }
}
