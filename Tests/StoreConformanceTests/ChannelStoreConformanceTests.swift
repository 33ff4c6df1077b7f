import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("ChannelStore conformance")
struct ChannelStoreConformanceTests {
    typealias F = StoreFixtures

    @Test(arguments: Engine.available)
    func insertedChannelReadsBackAndIsFoundByNameIgnoringCase(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let group = try await F.insertGroup(store, "Swift", by: alice)
            let other = try await F.insertGroup(store, "Rust", by: alice)
            let channel = Channel(
                groupId: group.id, name: "Announcements", description: "news", type: "voice", isPrivate: true, maxMembers: 20,
                settings: ChannelSettings(slowMode: 30, allowPolls: false, maxFileSize: 1024, allowedFileTypes: ["image/png"]),
                members: [alice.id, bob.id], admins: [alice.id], createdBy: alice.id, createdAt: F.at(3))
            try await store.channels.insert(channel)

            #expect(try await store.channels.find(id: channel.id) == channel)
            #expect(try await store.channels.find(id: ObjectId()) == nil)
            #expect(try await store.channels.find(groupId: group.id, name: "announcements") == channel)
            #expect(try await store.channels.find(groupId: group.id, name: "ANNOUNCEMENTS")?.id == channel.id)
            #expect(try await store.channels.find(groupId: other.id, name: "announcements") == nil)
            #expect(try await store.channels.find(groupId: group.id, name: "Announce.*") == nil)

            // A permission check reads only the entries it asks about.
            let carol = try await F.insertUser(store, "carol")
            let checked = try #require(try await store.channels.find(id: channel.id, membersAmong: [alice.id, carol.id]))
            #expect(checked.members == [alice.id] && checked.admins == [alice.id])
            #expect(checked.name == channel.name && checked.isPrivate)
            let asBob = try #require(try await store.channels.find(id: channel.id, membersAmong: [bob.id]))
            #expect(asBob.members == [bob.id] && asBob.admins.isEmpty)
            #expect(try await store.channels.find(id: ObjectId(), membersAmong: [alice.id]) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func sameNameIsAllowedInTwoGroupsButNotTwiceInOne(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let swift = try await F.insertGroup(store, "Swift", by: alice)
            let rust = try await F.insertGroup(store, "Rust", by: alice)
            try await F.insertChannel(store, "general", in: swift, by: alice)
            try await F.insertChannel(store, "general", in: rust, by: alice)
            await #expect(throws: StoreError.duplicate(field: "name")) {
                try await F.insertChannel(store, "GENERAL", in: swift, by: alice)
            }
            let random = try await F.insertChannel(store, "random", in: swift, by: alice)
            await #expect(throws: StoreError.duplicate(field: "name")) {
                _ = try await store.channels.update(id: random.id, ChannelChanges(name: "General"), at: F.at(5))
            }
            #expect(try await store.channels.find(id: random.id)?.name == "random")
            #expect(try await store.channels.list(ChannelQuery(groupIds: [swift.id])).total == 2)
        }
    }

    @Test(arguments: Engine.available)
    func addMemberIsIdempotentAndRemoveMemberRemoves(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let group = try await F.insertGroup(store, "Swift", by: alice)
            let channel = try await F.insertChannel(store, "general", in: group, by: alice, members: [alice.id])

            let added = try #require(try await store.channels.addMember(channelId: channel.id, userId: bob.id, at: F.at(10)))
            #expect(added.members == [alice.id, bob.id])
            #expect(added.updatedAt == F.at(10))
            let again = try #require(try await store.channels.addMember(channelId: channel.id, userId: bob.id, at: F.at(11)))
            #expect(again.members == [alice.id, bob.id])
            #expect(try await store.channels.addMember(channelId: ObjectId(), userId: bob.id, at: F.at(11)) == nil)

            let removed = try #require(try await store.channels.removeMember(channelId: channel.id, userId: bob.id, at: F.at(12)))
            #expect(removed.members == [alice.id])
            #expect(removed.updatedAt == F.at(12))
            #expect(try await store.channels.find(id: channel.id) == removed)
            #expect(try await store.channels.removeMember(channelId: ObjectId(), userId: bob.id, at: F.at(12)) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func joiningAGroupAddsToItsPublicUnarchivedChannelsOnly(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let swift = try await F.insertGroup(store, "Swift", by: alice)
            let rust = try await F.insertGroup(store, "Rust", by: alice)
            let general = try await F.insertChannel(store, "general", in: swift, by: alice, members: [alice.id], created: F.at(1))
            let random = try await F.insertChannel(store, "random", in: swift, by: alice, members: [bob.id], created: F.at(2))
            let secret = try await F.insertChannel(store, "secret", in: swift, by: alice, isPrivate: true, created: F.at(3))
            let old = try await F.insertChannel(store, "old", in: swift, by: alice, created: F.at(4), archivedAt: F.at(5))
            let elsewhere = try await F.insertChannel(store, "general", in: rust, by: alice)

            try await store.channels.addMemberToPublicChannels(groupId: swift.id, userId: bob.id, at: F.at(20))
            #expect(try await store.channels.find(id: general.id)?.members == [alice.id, bob.id])
            #expect(try await store.channels.find(id: random.id)?.members == [bob.id])
            #expect(try await store.channels.find(id: secret.id)?.members == [])
            #expect(try await store.channels.find(id: old.id)?.members == [])
            #expect(try await store.channels.find(id: elsewhere.id)?.members == [])
            // Doing it twice changes nothing.
            try await store.channels.addMemberToPublicChannels(groupId: swift.id, userId: bob.id, at: F.at(21))
            #expect(try await store.channels.find(id: general.id)?.members == [alice.id, bob.id])
        }
    }

    @Test(arguments: Engine.available)
    func listFiltersScopesSortsAndPages(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let first = try await F.insertGroup(store, "First", by: alice)
            let second = try await F.insertGroup(store, "Second", by: alice)
            let third = try await F.insertGroup(store, "Third", by: alice)
            try await F.insertChannel(store, "b-later", in: first, by: alice, description: "100% swift", created: F.at(2))
            try await F.insertChannel(store, "a-earlier", in: first, by: alice, type: "voice", created: F.at(1))
            try await F.insertChannel(store, "calls", in: second, by: alice, type: "video", created: F.at(0))
            try await F.insertChannel(store, "old", in: second, by: alice, created: F.at(3), archivedAt: F.at(4))
            let quiet = try await F.insertChannel(store, "quiet", in: third, by: alice, created: F.at(5))
            _ = try await store.channels.update(id: quiet.id, ChannelChanges(isActive: false), at: F.at(6))

            func names(_ query: ChannelQuery) async throws -> [String] {
                try await store.channels.list(query).items.map(\.name)
            }
            // Sorted by group, then creation time; ids decide the group order.
            let groupOrder = [first, second, third].sorted { $0.id < $1.id }.map(\.id)
            let expectedAll: [ObjectId: [String]] = [first.id: ["a-earlier", "b-later"], second.id: ["calls"], third.id: ["quiet"]]
            #expect(try await names(ChannelQuery()) == groupOrder.flatMap { expectedAll[$0] ?? [] })
            #expect(try await names(ChannelQuery(groupIds: [first.id])) == ["a-earlier", "b-later"])
            #expect(try await names(ChannelQuery(groupIds: [])) == [])
            #expect(try await store.channels.list(ChannelQuery(groupIds: [])).total == 0)
            #expect(try await names(ChannelQuery(groupIds: [second.id], includeArchived: true)) == ["calls", "old"])
            #expect(try await names(ChannelQuery(type: "video")) == ["calls"])
            #expect(try await names(ChannelQuery(isActive: false)) == ["quiet"])
            #expect(try await names(ChannelQuery(search: "LATER")) == ["b-later"])
            #expect(try await names(ChannelQuery(search: "100%")) == ["b-later"])
            #expect(try await names(ChannelQuery(search: "%")) == ["b-later"])
            #expect(try await names(ChannelQuery(search: "a.*")) == [])

            let paged = try await store.channels.list(ChannelQuery(groupIds: [first.id, second.id], page: PageRequest(page: 2, limit: 2)))
            #expect(paged.total == 3)
            #expect(paged.items.count == 1)
            let unpaged = try await store.channels.list(ChannelQuery(includeArchived: true))
            #expect(unpaged.total == 5)
            #expect(unpaged.items.count == 5)
        }
    }

    @Test(arguments: Engine.available)
    func updateWritesOnlyTheGivenFieldsAndReplacesSettings(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let group = try await F.insertGroup(store, "Swift", by: alice)
            var channel = Channel(
                groupId: group.id, name: "general", description: "old", maxMembers: 5,
                settings: ChannelSettings(slowMode: 10, allowedFileTypes: ["image/png"]), members: [alice.id], admins: [alice.id],
                createdBy: alice.id, createdAt: F.at(1))
            try await store.channels.insert(channel)

            let settings = ChannelSettings(allowReactions: false)
            let updated = try #require(
                try await store.channels.update(
                    id: channel.id,
                    ChannelChanges(description: "new", type: "voice", isPrivate: true, maxMembers: .some(nil), settings: settings),
                    at: F.at(9)))
            channel.description = "new"
            channel.type = "voice"
            channel.isPrivate = true
            channel.maxMembers = nil
            channel.settings = settings
            channel.updatedAt = F.at(9)
            #expect(updated == channel)
            #expect(updated.settings.slowMode == 0)
            #expect(try await store.channels.find(id: channel.id) == channel)

            let archived = try await store.channels.update(id: channel.id, ChannelChanges(archivedAt: .some(F.at(10))), at: F.at(10))
            #expect(archived?.archivedAt == F.at(10))
            #expect(try await store.channels.list(ChannelQuery()).total == 0)
            let restored = try await store.channels.update(id: channel.id, ChannelChanges(archivedAt: .some(nil)), at: F.at(11))
            #expect(restored?.archivedAt == nil)
            #expect(try await store.channels.update(id: ObjectId(), ChannelChanges(name: "x"), at: F.at(1)) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func countsByScopeActivityAndType(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let first = try await F.insertGroup(store, "First", by: alice)
            let second = try await F.insertGroup(store, "Second", by: alice)
            try await F.insertChannel(store, "general", in: first, by: alice)
            try await F.insertChannel(store, "talk", in: first, by: alice, type: "voice")
            try await F.insertChannel(store, "old", in: first, by: alice, created: F.at(1), archivedAt: F.at(2))
            let quiet = try await F.insertChannel(store, "general", in: second, by: alice)
            _ = try await store.channels.update(id: quiet.id, ChannelChanges(isActive: false), at: F.at(3))

            let firstCounts = try await store.channels.counts(groupIds: [first.id])
            #expect(firstCounts.total == 3)
            #expect(firstCounts.active == 2)
            #expect(firstCounts.byType == ["text": 2, "voice": 1])
            let all = try await store.channels.counts(groupIds: nil)
            #expect(all.total == 4)
            #expect(all.active == 2)
            #expect(all.byType["text"] == 3)
            let none = try await store.channels.counts(groupIds: [])
            #expect(none.total == 0)
            #expect(none.active == 0)
        }
    }
}
