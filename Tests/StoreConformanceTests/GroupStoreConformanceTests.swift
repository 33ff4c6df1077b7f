import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("GroupStore conformance")
struct GroupStoreConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func insertedGroupReadsBackWithItsMembers(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            var group = F.group(
                "Swift", by: alice, members: [F.member(alice, .admin, joined: F.at(1)), F.member(bob, joined: F.at(2))],
                description: "All about Swift", isPrivate: true, created: F.at(1))
            group.maxMembers = 50
            group.avatar = "/uploads/avatars/swift.png"
            group.tags = ["lang", "apple"]
            group.rules = ["be kind"]
            try await store.groups.insert(group)

            let found = try #require(try await store.groups.find(id: group.id))
            #expect(found == group)
            #expect(found.admins == [alice.id])
            #expect(try await store.groups.find(id: ObjectId()) == nil)

            let other = try await F.insertGroup(store, "Rust", by: bob, created: F.at(2))
            let both = try await store.groups.find(ids: [group.id, other.id, ObjectId()])
            #expect(Set(both.map(\.id)) == [group.id, other.id])
            #expect(both.first { $0.id == other.id }?.members.map(\.userId) == [bob.id])
            #expect(try await store.groups.find(ids: []).isEmpty)

            // A permission check reads only the entries it asks about.
            let carol = try await F.insertUser(store, "carol")
            let checked = try #require(try await store.groups.find(id: group.id, membersAmong: [bob.id, carol.id]))
            #expect(checked.members == [F.member(bob, joined: F.at(2))])
            #expect(checked.isMember(bob.id) && !checked.isMember(alice.id) && !checked.isMember(carol.id))
            #expect(checked.name == group.name && checked.isPrivate)
            #expect(try await store.groups.find(id: group.id, membersAmong: [alice.id])?.admins == [alice.id])
            #expect(try await store.groups.find(id: ObjectId(), membersAmong: [alice.id]) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func groupNamesAreUniqueIgnoringCase(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            try await F.insertGroup(store, "Swift Fans", by: alice)
            await #expect(throws: StoreError.duplicate(field: "name")) {
                try await store.groups.insert(F.group("SWIFT fans", by: alice))
            }
            let other = try await F.insertGroup(store, "Rustaceans", by: alice)
            await #expect(throws: StoreError.duplicate(field: "name")) {
                _ = try await store.groups.update(id: other.id, GroupChanges(name: "swift FANS"), at: F.at(10))
            }
            #expect(try await store.groups.find(id: other.id)?.name == "Rustaceans")
            #expect(try await store.groups.list(GroupQuery()).total == 2)
        }
    }

    @Test(arguments: Engine.available)
    func upsertMemberNeverDuplicatesAndKeepsJoinedAt(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let group = try await F.insertGroup(store, "Swift", by: alice)

            let joined = try #require(
                try await store.groups.upsertMember(groupId: group.id, F.member(bob, joined: F.at(5)), at: F.at(5)))
            #expect(joined.members.map(\.userId) == [alice.id, bob.id])
            #expect(joined.updatedAt == F.at(5))

            let promoted = try #require(
                try await store.groups.upsertMember(groupId: group.id, F.member(bob, .admin, joined: F.at(9)), at: F.at(9)))
            #expect(promoted.members.count == 2)
            #expect(promoted.member(bob.id)?.role == .admin)
            #expect(promoted.member(bob.id)?.joinedAt == F.at(5))
            #expect(promoted.admins == [alice.id, bob.id])
            #expect(promoted.updatedAt == F.at(9))
            #expect(try await store.groups.find(id: group.id) == promoted)

            #expect(try await store.groups.upsertMember(groupId: ObjectId(), F.member(bob), at: F.at(9)) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func userGroupsFollowMembershipInJoinOrder(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let first = try await F.insertGroup(store, "First", by: alice, created: F.at(1))
            let second = try await F.insertGroup(store, "Second", by: alice, created: F.at(2))
            #expect(try await store.users.find(id: bob.id)?.groups == [])

            _ = try await store.groups.upsertMember(groupId: second.id, F.member(bob, joined: F.at(3)), at: F.at(3))
            _ = try await store.groups.upsertMember(groupId: first.id, F.member(bob, joined: F.at(4)), at: F.at(4))
            #expect(try await store.users.find(id: bob.id)?.groups == [second.id, first.id])
            #expect(try await store.users.find(login: "BOB")?.groups == [second.id, first.id])
            #expect(try await store.users.find(ids: [bob.id]).first?.groups == [second.id, first.id])
            let listed = try await store.users.list(UserQuery())
            #expect(listed.items.first { $0.id == bob.id }?.groups == [second.id, first.id])
            #expect(listed.items.first { $0.id == alice.id }?.groups == [first.id, second.id])
            let updated = try await store.users.update(id: bob.id, UserChanges(bio: "hi"), at: F.at(5))
            #expect(updated?.groups == [second.id, first.id])

            _ = try await store.groups.removeMember(groupId: second.id, userId: bob.id, at: F.at(6))
            #expect(try await store.users.find(id: bob.id)?.groups == [first.id])
        }
    }

    @Test(arguments: Engine.available)
    func removeMemberAlsoLeavesThatGroupsChannelsOnly(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let swift = try await F.insertGroup(
                store, "Swift", by: alice, members: [F.member(alice, .admin), F.member(bob, joined: F.at(1))])
            let rust = try await F.insertGroup(
                store, "Rust", by: alice, members: [F.member(alice, .admin), F.member(bob, joined: F.at(1))])
            let swiftGeneral = try await F.insertChannel(store, "general", in: swift, by: alice, members: [alice.id, bob.id])
            let swiftPrivate = try await F.insertChannel(
                store, "secret", in: swift, by: alice, members: [alice.id, bob.id], isPrivate: true, created: F.at(1))
            let rustGeneral = try await F.insertChannel(store, "general", in: rust, by: alice, members: [alice.id, bob.id])

            let after = try #require(try await store.groups.removeMember(groupId: swift.id, userId: bob.id, at: F.at(20)))
            #expect(after.members.map(\.userId) == [alice.id])
            #expect(after.updatedAt == F.at(20))
            #expect(try await store.groups.find(id: swift.id)?.isMember(bob.id) == false)
            #expect(try await store.channels.find(id: swiftGeneral.id)?.members == [alice.id])
            #expect(try await store.channels.find(id: swiftPrivate.id)?.members == [alice.id])
            #expect(try await store.channels.find(id: rustGeneral.id)?.members == [alice.id, bob.id])
            #expect(try await store.groups.find(id: rust.id)?.isMember(bob.id) == true)

            // Removing someone who is not a member changes nothing but still answers the group.
            #expect(try await store.groups.removeMember(groupId: swift.id, userId: bob.id, at: F.at(21))?.members.count == 1)
            #expect(try await store.groups.removeMember(groupId: ObjectId(), userId: bob.id, at: F.at(21)) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func updateWritesOnlyTheGivenFields(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            var group = F.group("Swift", by: alice, description: "old")
            group.maxMembers = 10
            group.avatar = "a.png"
            group.tags = ["x"]
            try await store.groups.insert(group)

            let updated = try #require(
                try await store.groups.update(
                    id: group.id,
                    GroupChanges(
                        description: "new", status: "inactive", isPrivate: true, maxMembers: .some(nil), avatar: .some(nil),
                        rules: .some(["no spam"])),
                    at: F.at(30)))
            #expect(updated.name == "Swift")
            #expect(updated.description == "new")
            #expect(updated.status == "inactive")
            #expect(updated.isPrivate)
            #expect(updated.isActive)
            #expect(updated.maxMembers == nil)
            #expect(updated.avatar == nil)
            #expect(updated.tags == ["x"])
            #expect(updated.rules == ["no spam"])
            #expect(updated.updatedAt == F.at(30))
            #expect(updated.members == group.members)
            #expect(try await store.groups.find(id: group.id) == updated)

            let archived = try await store.groups.update(id: group.id, GroupChanges(archivedAt: .some(F.at(40))), at: F.at(40))
            #expect(archived?.archivedAt == F.at(40))
            let restored = try await store.groups.update(id: group.id, GroupChanges(tags: .some(nil), archivedAt: .some(nil)), at: F.at(41))
            #expect(restored?.archivedAt == nil)
            #expect(restored?.tags == nil)
            #expect(try await store.groups.update(id: ObjectId(), GroupChanges(name: "x"), at: F.at(1)) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func listFiltersByTextStatusCategoryPrivacyAndArchive(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let alpha = try await F.insertGroup(store, "Alpha", by: alice, description: "Swift (and C++) talk", created: F.at(1))
            try await F.insertGroup(store, "Bravo", by: alice, description: "plain", category: "sports", isPrivate: true, created: F.at(2))
            try await F.insertGroup(store, "Charlie.*", by: alice, created: F.at(3))
            let delta = try await F.insertGroup(store, "Delta", by: alice, category: "sports", created: F.at(4))
            _ = try await store.groups.update(id: delta.id, GroupChanges(status: "pending", archivedAt: .some(F.at(5))), at: F.at(5))

            func names(_ query: GroupQuery) async throws -> [String] {
                try await store.groups.list(query).items.map(\.name)
            }
            #expect(try await names(GroupQuery()) == ["Charlie.*", "Bravo", "Alpha"])
            #expect(try await names(GroupQuery(includeArchived: true)) == ["Delta", "Charlie.*", "Bravo", "Alpha"])
            // Text is literal and ignores case, over name and description.
            #expect(try await names(GroupQuery(search: "c++")) == ["Alpha"])
            #expect(try await names(GroupQuery(search: "SWIFT")) == ["Alpha"])
            #expect(try await names(GroupQuery(search: ".*")) == ["Charlie.*"])
            #expect(try await names(GroupQuery(search: "(and")) == ["Alpha"])
            #expect(try await names(GroupQuery(search: "%")) == [])
            #expect(try await names(GroupQuery(search: "a.c")) == [])
            #expect(try await names(GroupQuery(category: "sports", includeArchived: true)) == ["Delta", "Bravo"])
            #expect(try await names(GroupQuery(status: "pending", includeArchived: true)) == ["Delta"])
            #expect(try await names(GroupQuery(isPrivate: true)) == ["Bravo"])
            #expect(try await names(GroupQuery(isPrivate: false)) == ["Charlie.*", "Alpha"])
            _ = try await store.groups.update(id: alpha.id, GroupChanges(category: "tech"), at: F.at(50))
            #expect(try await names(GroupQuery(sort: .updatedAt)) == ["Alpha", "Charlie.*", "Bravo"])
            #expect(try await names(GroupQuery(sort: .updatedAt, ascending: true)) == ["Bravo", "Charlie.*", "Alpha"])
        }
    }

    @Test(arguments: Engine.available)
    func listScopesByMemberAdminAndVisibility(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let carol = try await F.insertUser(store, "carol")
            try await F.insertGroup(store, "Open", by: alice, created: F.at(1))
            try await F.insertGroup(
                store, "Hidden", by: alice, members: [F.member(alice, .admin), F.member(bob)], isPrivate: true, created: F.at(2))
            try await F.insertGroup(store, "Bobs", by: bob, isPrivate: true, created: F.at(3))

            func names(_ query: GroupQuery) async throws -> [String] {
                try await store.groups.list(query).items.map(\.name)
            }
            #expect(try await names(GroupQuery(visibleTo: carol.id)) == ["Open"])
            #expect(try await names(GroupQuery(visibleTo: bob.id)) == ["Bobs", "Hidden", "Open"])
            #expect(try await names(GroupQuery(memberId: bob.id)) == ["Bobs", "Hidden"])
            #expect(try await names(GroupQuery(memberId: carol.id)) == [])
            #expect(try await names(GroupQuery(adminId: bob.id)) == ["Bobs"])
            #expect(try await names(GroupQuery(adminId: alice.id)) == ["Hidden", "Open"])
            #expect(try await names(GroupQuery(adminId: alice.id, visibleTo: carol.id)) == ["Open"])
        }
    }

    @Test(arguments: Engine.available)
    func listSortsByNameAndPagesWithTotals(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let names = ["Echo", "Alpha", "Delta", "Bravo", "Charlie"]
            for (index, name) in names.enumerated() {
                try await F.insertGroup(store, name, by: alice, created: F.at(Double(index)))
            }
            let byName = try await store.groups.list(GroupQuery(sort: .name, ascending: true, page: PageRequest(page: 1, limit: 2)))
            #expect(byName.items.map(\.name) == ["Alpha", "Bravo"])
            #expect(byName.total == 5)
            #expect(byName.pageCount(limit: 2) == 3)
            let last = try await store.groups.list(GroupQuery(sort: .name, ascending: true, page: PageRequest(page: 3, limit: 2)))
            #expect(last.items.map(\.name) == ["Echo"])
            #expect(last.total == 5)
            let descending = try await store.groups.list(GroupQuery(sort: .name, page: PageRequest(page: 1, limit: 3)))
            #expect(descending.items.map(\.name) == ["Echo", "Delta", "Charlie"])
            let oldest = try await store.groups.list(GroupQuery(sort: .createdAt, ascending: true, page: PageRequest(page: 2, limit: 2)))
            #expect(oldest.items.map(\.name) == ["Delta", "Bravo"])
            let beyond = try await store.groups.list(GroupQuery(page: PageRequest(page: 9, limit: 2)))
            #expect(beyond.items.isEmpty)
            #expect(beyond.total == 5)
        }
    }

    @Test(arguments: Engine.available)
    func countsCoverAllGroupsOrThoseAnAdminAdministers(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let carol = try await F.insertUser(store, "carol")
            // alice administers Open (3 members) and Hidden (2 members, private).
            try await F.insertGroup(
                store, "Open", by: alice, members: [F.member(alice, .admin), F.member(bob), F.member(carol)], created: F.at(1))
            try await F.insertGroup(
                store, "Hidden", by: alice, members: [F.member(alice, .admin), F.member(bob)], isPrivate: true, created: F.at(2))
            // bob administers an inactive group and an archived one; alice is only a member there.
            let idle = try await F.insertGroup(
                store, "Idle", by: bob, members: [F.member(bob, .admin), F.member(alice)], created: F.at(3))
            _ = try await store.groups.update(id: idle.id, GroupChanges(isActive: false), at: F.at(4))
            let gone = try await F.insertGroup(store, "Gone", by: bob, isPrivate: true, created: F.at(5))
            _ = try await store.groups.update(id: gone.id, GroupChanges(archivedAt: .some(F.at(6))), at: F.at(6))

            let all = try await store.groups.counts(administeredBy: nil)
            #expect(all == GroupCounts(total: 3, active: 2, privateGroups: 1, archived: 1, memberships: 7))
            let alices = try await store.groups.counts(administeredBy: alice.id)
            #expect(alices == GroupCounts(total: 2, active: 2, privateGroups: 1, archived: 0, memberships: 5))
            let bobs = try await store.groups.counts(administeredBy: bob.id)
            #expect(bobs == GroupCounts(total: 1, active: 0, privateGroups: 0, archived: 1, memberships: 2))
            let carols = try await store.groups.counts(administeredBy: carol.id)
            #expect(carols == GroupCounts(total: 0, active: 0, privateGroups: 0, archived: 0, memberships: 0))
        }
    }
}
