import Foundation
import ParleyCore
import ParleyStore

/// Runs `body` against a fresh store of `engine` with its message and reaction stores.
func withMessagingStore(
    _ engine: Engine, _ body: (any Store, any MessageStore, any ReactionStore) async throws -> Void
) async throws {
    try await withStore(engine) { store in
        try await body(store, store.messages, store.reactions)
    }
}

/// Users, a group and two channels to post in, plus message builders. Dates are whole seconds
/// from `StoreFixtures.epoch`, which both engines store exactly.
struct ChatFixture {
    typealias F = StoreFixtures

    let alice: User
    let bob: User
    let group: Group
    let general: Channel
    let random: Channel

    static func make(_ store: any Store) async throws -> ChatFixture {
        let alice = try await F.insertUser(store, "alice")
        let bob = try await F.insertUser(store, "bob")
        let group = try await F.insertGroup(store, "Swift", by: alice, members: [F.member(alice, .admin), F.member(bob)])
        let general = try await F.insertChannel(store, "general", in: group, by: alice, members: [alice.id, bob.id])
        let random = try await F.insertChannel(store, "random", in: group, by: alice, members: [alice.id, bob.id])
        return ChatFixture(alice: alice, bob: bob, group: group, general: general, random: random)
    }

    func message(
        _ text: String?, in channel: Channel? = nil, by user: User? = nil, at seconds: Double, replyTo: ObjectId? = nil
    ) -> Message {
        let author = user ?? alice
        return Message(
            channelId: (channel ?? general).id, groupId: group.id, userId: author.id, username: author.username, text: text,
            replyTo: replyTo, createdAt: F.at(seconds))
    }

    /// Builds, inserts and returns a message.
    @discardableResult
    func post(
        _ messages: any MessageStore, _ text: String?, in channel: Channel? = nil, by user: User? = nil, at seconds: Double,
        replyTo: ObjectId? = nil
    ) async throws -> Message {
        let message = message(text, in: channel, by: user, at: seconds, replyTo: replyTo)
        try await messages.insert(message)
        return message
    }
}

extension Array where Element == Message {
    /// History order: (createdAt, id).
    func inHistoryOrder() -> [Message] {
        sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
}
