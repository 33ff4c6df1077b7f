import ParleyCore

/// A reaction in the client's `MessageReaction` shape (`reaction`, and `emoji` for the same value).
struct ReactionView: Encodable, Sendable {
    let id: String
    let messageId: String
    let userId: String
    let username: String
    let reaction: String
    let emoji: String
    let createdAt: String
    let updatedAt: String

    enum CodingKeys: String, CodingKey { case id = "_id", messageId, userId, username, reaction, emoji, createdAt, updatedAt }

    init(_ reaction: Reaction) {
        id = reaction.id.hexString
        messageId = reaction.messageId.hexString
        userId = reaction.userId.hexString
        username = reaction.username
        self.reaction = reaction.reaction
        emoji = reaction.reaction
        createdAt = WireDate.string(reaction.createdAt)
        updatedAt = WireDate.string(reaction.updatedAt)
    }
}

/// `{reactions, reactionCounts, userReactions, totalReactions}` for one message.
struct ReactionSummaryView: Encodable, Sendable {
    let reactions: [ReactionView]
    let reactionCounts: [String: Int]
    let userReactions: [String: [String]]
    let totalReactions: Int

    init(_ reactions: [Reaction]) {
        self.reactions = reactions.map(ReactionView.init)
        var counts: [String: Int] = [:]
        var users: [String: [String]] = [:]
        for reaction in reactions {
            counts[reaction.reaction, default: 0] += 1
            users[reaction.reaction, default: []].append(reaction.userId.hexString)
        }
        reactionCounts = counts
        userReactions = users
        totalReactions = reactions.count
    }
}

/// `{hasReacted, reaction}`.
struct ReactionCheckView: Encodable, Sendable {
    let hasReacted: Bool
    let reaction: String?

    enum CodingKeys: String, CodingKey { case hasReacted, reaction }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hasReacted, forKey: .hasReacted)
        try container.encode(reaction, forKey: .reaction)
    }
}
