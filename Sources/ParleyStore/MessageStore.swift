import Foundation
import ParleyCore

/// Which part of a channel's history to read. Every form answers oldest first.
public enum HistoryWindow: Sendable, Equatable {
    /// The newest `limit` messages after skipping the newest `offset` (the old API).
    case latest(limit: Int, offset: Int)
    /// The `limit` messages just before the message `id` (scrolling back).
    case before(ObjectId, limit: Int)
    /// The `limit` messages just after the message `id` (catching up).
    case after(ObjectId, limit: Int)
}

/// Full-text search over messages.
public struct MessageSearch: Sendable, Equatable {
    public var text: String
    /// Only these channels (the caller's readable ones); empty finds nothing.
    public var channelIds: [ObjectId]
    public var userId: ObjectId?
    public var limit: Int
    public var offset: Int

    public init(text: String, channelIds: [ObjectId], userId: ObjectId? = nil, limit: Int = 50, offset: Int = 0) {
        self.text = text
        self.channelIds = channelIds
        self.userId = userId
        self.limit = limit
        self.offset = offset
    }
}

public struct MessageCounts: Sendable, Equatable {
    public var total: Int
    public var since: Int
    public var byChannel: [ObjectId: Int]

    public init(total: Int, since: Int, byChannel: [ObjectId: Int]) {
        self.total = total
        self.since = since
        self.byChannel = byChannel
    }
}

/// Messages, their edit history and per-user read state. History is ordered by
/// (createdAt, id) and served from an index on (channelId, createdAt, id) — for the live
/// messages alone, one that holds no tombstones — so a page costs the same whatever the
/// channel's size and however many of its messages were deleted. Deleted messages stay as
/// tombstones.
public protocol MessageStore: Sendable {
    /// Inserts a message. When it is a reply, the parent's `replyCount` and `lastReplyAt` are
    /// updated in the same operation.
    func insert(_ message: Message) async throws
    /// Inserts, as `insert` would one by one (reply counters included), those of `messages`
    /// whose ids are not stored yet, in as few round trips as the engine allows; returns how
    /// many were new. For seeding: running a seed twice adds nothing. Callers pass batches
    /// (thousands) so that neither memory nor one write grows without bound.
    func insertMissing(_ messages: [Message]) async throws -> Int
    func find(id: ObjectId) async throws -> Message?
    func find(ids: [ObjectId]) async throws -> [Message]
    /// Oldest first; nil when a cursor message does not exist in that channel. Without
    /// `includingDeleted`, tombstones are left out and a window holds up to `limit` live
    /// messages; a cursor may still name a tombstone.
    func history(channelId: ObjectId, window: HistoryWindow, includingDeleted: Bool) async throws -> [Message]?
    /// A user's messages in the given channels, newest first, tombstones left out.
    func messages(byUser userId: ObjectId, inChannels channelIds: [ObjectId], limit: Int, offset: Int) async throws -> [Message]
    /// Replies to `parentId`, oldest first, with the total.
    func replies(to parentId: ObjectId, limit: Int, offset: Int) async throws -> Page<Message>
    /// Replaces the text, sets `isEdited`/`editedAt`/`mentions`, and records the previous text
    /// as a `MessageEdit`, in one operation. Nil when the message does not exist or is deleted.
    func edit(id: ObjectId, text: String, mentions: [ObjectId], by editor: ObjectId, at date: Date) async throws -> Message?
    /// Previous versions of a message, oldest first.
    func edits(of messageId: ObjectId) async throws -> [MessageEdit]
    /// Turns the message into a tombstone: `isDeleted`, `deletedAt`, text, urls, attachment and
    /// mentions cleared. A deleted reply no longer counts in its parent's `replyCount`.
    /// Nil when it does not exist; an already deleted message is returned unchanged.
    func tombstone(id: ObjectId, at date: Date) async throws -> Message?
    /// Ranked full-text search (best match first, then newest), tombstones left out.
    func search(_ search: MessageSearch) async throws -> Page<Message>
    /// The newest messages across the given channels, newest first, tombstones left out.
    func recent(inChannels channelIds: [ObjectId], limit: Int) async throws -> [Message]
    /// Records that `userId` has read `channelId` up to `date`.
    func markRead(userId: ObjectId, channelId: ObjectId, at date: Date) async throws
    /// Per channel, the messages by others created after the user's last read (all of them if
    /// never read), tombstones left out. Channels with no unread messages may be absent.
    func unreadCounts(userId: ObjectId, channelIds: [ObjectId]) async throws -> [ObjectId: Int]
    /// Totals over the given channels (nil: all): all messages, those created at or after `since`,
    /// and per channel; tombstones left out.
    func counts(channelIds: [ObjectId]?, since: Date) async throws -> MessageCounts
}

extension MessageStore {
    /// The live messages of a window, as clients read history.
    public func history(channelId: ObjectId, window: HistoryWindow) async throws -> [Message]? {
        try await history(channelId: channelId, window: window, includingDeleted: false)
    }
}

/// Reactions, one per user and message.
public protocol ReactionStore: Sendable {
    /// Inserts the user's reaction, or replaces the one they had; `created` tells which.
    func upsert(_ reaction: Reaction) async throws -> (reaction: Reaction, created: Bool)
    /// Removes and returns the user's reaction, nil when they had none.
    func remove(messageId: ObjectId, userId: ObjectId) async throws -> Reaction?
    func find(messageId: ObjectId, userId: ObjectId) async throws -> Reaction?
    /// Reactions on these messages, oldest first.
    func reactions(messageIds: [ObjectId]) async throws -> [Reaction]
}
