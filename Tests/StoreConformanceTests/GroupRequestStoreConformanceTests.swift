import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("GroupRequestStore conformance")
struct GroupRequestStoreConformanceTests {
    typealias F = StoreFixtures

    static func request(
        _ user: User, _ group: Group, type: String = "request_invite", message: String? = nil, at seconds: Double = 0
    ) -> GroupRequest {
        GroupRequest(
            userId: user.id, username: user.username, userEmail: user.email, groupId: group.id, groupName: group.name,
            requestType: type, message: message, requestedAt: F.at(seconds))
    }

    @Test(arguments: Engine.available)
    func insertedRequestReadsBackAndDeleteRemovesIt(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let group = try await F.insertGroup(store, "Swift", by: alice, isPrivate: true)
            let request = Self.request(bob, group, type: "register_interest", message: "let me in", at: 5)
            try await store.groupRequests.insert(request)

            #expect(try await store.groupRequests.find(id: request.id) == request)
            #expect(try await store.groupRequests.find(id: ObjectId()) == nil)
            #expect(try await store.groupRequests.delete(id: request.id))
            #expect(try await store.groupRequests.find(id: request.id) == nil)
            #expect(try await store.groupRequests.delete(id: request.id) == false)
        }
    }

    @Test(arguments: Engine.available)
    func aSecondPendingRequestIsRefusedUntilTheFirstIsReviewed(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let carol = try await F.insertUser(store, "carol")
            let swift = try await F.insertGroup(store, "Swift", by: alice, isPrivate: true)
            let rust = try await F.insertGroup(store, "Rust", by: alice, isPrivate: true)
            let first = Self.request(bob, swift, at: 1)
            try await store.groupRequests.insert(first)
            await #expect(throws: StoreError.duplicate(field: "pending")) {
                try await store.groupRequests.insert(Self.request(bob, swift, type: "register_interest", at: 2))
            }
            // Other users, and other groups, are not affected.
            try await store.groupRequests.insert(Self.request(carol, swift, at: 3))
            try await store.groupRequests.insert(Self.request(bob, rust, at: 4))

            let review = GroupRequestReview(status: .rejected, reviewerId: alice.id, reviewerName: "alice", reason: "full", at: F.at(5))
            #expect(try await store.groupRequests.review(id: first.id, review)?.status == .rejected)
            let retry = Self.request(bob, swift, at: 6)
            try await store.groupRequests.insert(retry)
            #expect(try await store.groupRequests.find(id: retry.id)?.status == .pending)
            #expect(try await store.groupRequests.list(GroupRequestQuery(userId: bob.id)).total == 3)
        }
    }

    @Test(arguments: Engine.available)
    func reviewAppliesOnlyToPendingRequests(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let group = try await F.insertGroup(store, "Swift", by: alice, isPrivate: true)
            var request = Self.request(bob, group, message: "hi", at: 1)
            request.reason = "earlier note"
            try await store.groupRequests.insert(request)

            let approve = GroupRequestReview(status: .approved, reviewerId: alice.id, reviewerName: "alice", reason: nil, at: F.at(7))
            let approved = try #require(try await store.groupRequests.review(id: request.id, approve))
            #expect(approved.status == .approved)
            #expect(approved.reviewedBy == alice.id)
            #expect(approved.reviewerName == "alice")
            #expect(approved.reviewedAt == F.at(7))
            #expect(approved.reason == "earlier note")
            #expect(approved.message == "hi")
            #expect(try await store.groupRequests.find(id: request.id) == approved)

            // A decided request cannot be decided again, nor can an unknown one.
            let reject = GroupRequestReview(status: .rejected, reviewerId: alice.id, reviewerName: "alice", reason: "no", at: F.at(8))
            #expect(try await store.groupRequests.review(id: request.id, reject) == nil)
            #expect(try await store.groupRequests.find(id: request.id)?.status == .approved)
            #expect(try await store.groupRequests.review(id: ObjectId(), reject) == nil)

            let other = Self.request(bob, group, at: 9)
            try await store.groupRequests.insert(other)
            let rejected = try await store.groupRequests.review(id: other.id, reject)
            #expect(rejected?.reason == "no")
            #expect(rejected?.status == .rejected)
        }
    }

    @Test(arguments: Engine.available)
    func listFiltersSearchesSortsAndPages(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let carol = try await F.insertUser(store, "carol")
            let swift = try await F.insertGroup(store, "Swift", by: alice, isPrivate: true)
            let rust = try await F.insertGroup(store, "Rust (lang)", by: alice, isPrivate: true)
            let r1 = Self.request(bob, swift, message: "I know [regex]", at: 1)
            let r2 = Self.request(carol, swift, type: "register_interest", at: 2)
            let r3 = Self.request(bob, rust, at: 3)
            let r4 = Self.request(carol, rust, at: 4)
            for request in [r1, r2, r3, r4] { try await store.groupRequests.insert(request) }
            _ = try await store.groupRequests.review(
                id: r4.id, GroupRequestReview(status: .approved, reviewerId: alice.id, reviewerName: "alice", reason: nil, at: F.at(5)))

            func ids(_ query: GroupRequestQuery) async throws -> [ObjectId] {
                try await store.groupRequests.list(query).items.map(\.id)
            }
            #expect(try await ids(GroupRequestQuery()) == [r4.id, r3.id, r2.id, r1.id])
            #expect(try await ids(GroupRequestQuery(ascending: true)) == [r1.id, r2.id, r3.id, r4.id])
            #expect(try await ids(GroupRequestQuery(userId: bob.id)) == [r3.id, r1.id])
            #expect(try await ids(GroupRequestQuery(groupId: swift.id)) == [r2.id, r1.id])
            #expect(try await ids(GroupRequestQuery(groupIds: [rust.id])) == [r4.id, r3.id])
            #expect(try await ids(GroupRequestQuery(groupIds: [])) == [])
            #expect(try await ids(GroupRequestQuery(status: .pending)) == [r3.id, r2.id, r1.id])
            #expect(try await ids(GroupRequestQuery(status: .approved)) == [r4.id])
            #expect(try await ids(GroupRequestQuery(requestType: "register_interest")) == [r2.id])
            // Search is literal and ignores case over username, group name and message.
            #expect(try await ids(GroupRequestQuery(search: "CAROL")) == [r4.id, r2.id])
            #expect(try await ids(GroupRequestQuery(search: "(lang)")) == [r4.id, r3.id])
            #expect(try await ids(GroupRequestQuery(search: "[regex]")) == [r1.id])
            #expect(try await ids(GroupRequestQuery(search: "r.st")) == [])

            let page = try await store.groupRequests.list(GroupRequestQuery(page: PageRequest(page: 2, limit: 3)))
            #expect(page.total == 4)
            #expect(page.items.map(\.id) == [r1.id])
        }
    }

    @Test(arguments: Engine.available)
    func countsGiveTotalsPerStatusIgnoringStatusAndPage(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let carol = try await F.insertUser(store, "carol")
            let swift = try await F.insertGroup(store, "Swift", by: alice, isPrivate: true)
            let rust = try await F.insertGroup(store, "Rust", by: alice, isPrivate: true)
            let decided = Self.request(bob, swift, at: 1)
            try await store.groupRequests.insert(decided)
            _ = try await store.groupRequests.review(
                id: decided.id, GroupRequestReview(status: .rejected, reviewerId: nil, reviewerName: nil, reason: nil, at: F.at(2)))
            try await store.groupRequests.insert(Self.request(bob, swift, at: 3))
            try await store.groupRequests.insert(Self.request(carol, swift, at: 4))
            try await store.groupRequests.insert(Self.request(carol, rust, at: 5))

            let all = try await store.groupRequests.counts(GroupRequestQuery(status: .approved, page: PageRequest(page: 5, limit: 1)))
            #expect(all.total == 4)
            #expect(all.byStatus[.pending] == 3)
            #expect(all.byStatus[.rejected] == 1)
            #expect((all.byStatus[.approved] ?? 0) == 0)
            let swiftOnly = try await store.groupRequests.counts(GroupRequestQuery(groupIds: [swift.id]))
            #expect(swiftOnly.total == 3)
            #expect(swiftOnly.byStatus[.pending] == 2)
            let bobs = try await store.groupRequests.counts(GroupRequestQuery(userId: bob.id))
            #expect(bobs.total == 2)
            let none = try await store.groupRequests.counts(GroupRequestQuery(groupIds: []))
            #expect(none.total == 0)
            #expect((none.byStatus[.pending] ?? 0) == 0)
        }
    }
}
