import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("ActivityStore conformance")
struct ActivityStoreConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func listIsNewestFirstWithFiltersAndPaging(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = ObjectId()
            let bob = ObjectId()
            let group = ObjectId()
            let e1 = ActivityEntry(
                actorId: alice, actorName: "alice", action: "auth.login", targetType: "user", targetId: alice,
                isAdministrative: false, createdAt: F.at(1))
            let e2 = ActivityEntry(
                actorId: alice, actorName: "alice", action: "group.create", targetType: "group", targetId: group,
                details: "Created Swift", isAdministrative: true, createdAt: F.at(2))
            let e3 = ActivityEntry(
                actorId: bob, actorName: "bob", action: "auth.login", targetType: "user", targetId: bob, isAdministrative: false,
                createdAt: F.at(3))
            let e4 = ActivityEntry(
                actorId: bob, actorName: "bob", action: "group.member.remove", targetType: "group", targetId: group,
                isAdministrative: true, createdAt: F.at(4))
            for entry in [e3, e1, e4, e2] { try await store.activity.insert(entry) }

            func ids(_ query: ActivityQuery) async throws -> [ObjectId] {
                try await store.activity.list(query).items.map(\.id)
            }
            let all = try await store.activity.list(ActivityQuery())
            #expect(all.items == [e4, e3, e2, e1])
            #expect(all.total == 4)
            #expect(try await ids(ActivityQuery(actorId: alice)) == [e2.id, e1.id])
            #expect(try await ids(ActivityQuery(administrativeOnly: true)) == [e4.id, e2.id])
            #expect(try await ids(ActivityQuery(actorId: bob, administrativeOnly: true)) == [e4.id])
            #expect(try await ids(ActivityQuery(action: "auth.login")) == [e3.id, e1.id])
            #expect(try await ids(ActivityQuery(targetType: "group")) == [e4.id, e2.id])
            #expect(try await ids(ActivityQuery(targetId: group)) == [e4.id, e2.id])
            #expect(try await ids(ActivityQuery(actorId: bob, targetIds: [group, alice])) == [e4.id])
            #expect(try await ids(ActivityQuery(targetIds: [alice, bob])) == [e3.id, e1.id])
            #expect(try await ids(ActivityQuery(targetIds: [])) == [])
            // `since` is inclusive, `until` exclusive.
            #expect(try await ids(ActivityQuery(since: F.at(2), until: F.at(4))) == [e3.id, e2.id])
            #expect(try await ids(ActivityQuery(since: F.at(4))) == [e4.id])
            #expect(try await ids(ActivityQuery(until: F.at(1))) == [])

            let page = try await store.activity.list(ActivityQuery(page: PageRequest(page: 2, limit: 3)))
            #expect(page.items == [e1])
            #expect(page.total == 4)
        }
    }

    @Test(arguments: Engine.available)
    func entriesOutliveTheUserTheyMention(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let entry = ActivityEntry(
                actorId: alice.id, actorName: "alice", action: "user.deactivate", targetType: "user", targetId: alice.id,
                isAdministrative: true, createdAt: F.at(1))
            try await store.activity.insert(entry)
            #expect(try await store.users.delete(id: alice.id))
            #expect(try await store.activity.list(ActivityQuery(actorId: alice.id)).items == [entry])
        }
    }
}
