import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("Store.removeAll conformance")
struct RemoveAllConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func removeAllEmptiesEveryAggregate(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            try await store.sessions.insert(AuthSession(userId: alice.id, createdAt: F.at(0), expiresAt: F.at(10_000)))
            let group = try await F.insertGroup(store, "Swift", by: alice, isPrivate: true)
            let channel = try await F.insertChannel(store, "general", in: group, by: alice, members: [alice.id])
            let request = GroupRequest(
                userId: bob.id, username: "bob", userEmail: bob.email, groupId: group.id, groupName: group.name, requestedAt: F.at(1))
            try await store.groupRequests.insert(request)
            try await store.notifications.insert(
                UserNotification(userId: alice.id, type: "t", title: "t", message: "m", createdAt: F.at(1)))
            try await store.activity.insert(
                ActivityEntry(actorId: alice.id, actorName: "alice", action: "group.create", targetType: "group", isAdministrative: true))
            try await store.settings.save(UserSettings(userId: alice.id, updatedAt: F.at(1)))

            let removed = try await store.removeAll()
            #expect(removed["users"] == 2)

            #expect(try await store.users.list(UserQuery()).total == 0)
            #expect(try await store.sessions.liveSessions(userId: alice.id, at: F.at(1)).isEmpty)
            #expect(try await store.groups.list(GroupQuery(includeArchived: true)).total == 0)
            #expect(try await store.groups.find(id: group.id) == nil)
            #expect(try await store.channels.list(ChannelQuery(includeArchived: true)).total == 0)
            #expect(try await store.channels.find(id: channel.id) == nil)
            #expect(try await store.groupRequests.list(GroupRequestQuery()).total == 0)
            #expect(try await store.notifications.unreadCount(userId: alice.id) == 0)
            #expect(try await store.activity.list(ActivityQuery()).total == 0)
            #expect(try await store.settings.find(userId: alice.id) == nil)
        }
    }
}
