import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the messages repository (see `TimedStore`).
struct TimedMessageStore: MessageStore {
    let base: any MessageStore
    let timer: StoreTimer

    func insert(_ message: Message) async throws {
        try await timer.time("messages.insert(_:)") { try await base.insert(message) }
    }

    func insertMissing(_ messages: [Message]) async throws -> Int {
        try await timer.time("messages.insertMissing(_:)") { try await base.insertMissing(messages) }
    }

    func find(id: ObjectId) async throws -> Message? {
        try await timer.time("messages.find(id:)") { try await base.find(id: id) }
    }

    func find(ids: [ObjectId]) async throws -> [Message] {
        try await timer.time("messages.find(ids:)") { try await base.find(ids: ids) }
    }

    func history(channelId: ObjectId, window: HistoryWindow, includingDeleted: Bool) async throws -> [Message]? {
        try await timer.time("messages.history(channelId:window:includingDeleted:)") { try await base.history(channelId: channelId, window: window, includingDeleted: includingDeleted) }
    }

    func messages(byUser userId: ObjectId, inChannels channelIds: [ObjectId], limit: Int, offset: Int) async throws -> [Message] {
        try await timer.time("messages.messages(byUser:inChannels:limit:offset:)") { try await base.messages(byUser: userId, inChannels: channelIds, limit: limit, offset: offset) }
    }

    func replies(to parentId: ObjectId, limit: Int, offset: Int) async throws -> Page<Message> {
        try await timer.time("messages.replies(to:limit:offset:)") { try await base.replies(to: parentId, limit: limit, offset: offset) }
    }

    func edit(id: ObjectId, text: String, mentions: [ObjectId], by editor: ObjectId, at date: Date) async throws -> Message? {
        try await timer.time("messages.edit(id:text:mentions:by:at:)") { try await base.edit(id: id, text: text, mentions: mentions, by: editor, at: date) }
    }

    func edits(of messageId: ObjectId) async throws -> [MessageEdit] {
        try await timer.time("messages.edits(of:)") { try await base.edits(of: messageId) }
    }

    func tombstone(id: ObjectId, at date: Date) async throws -> Message? {
        try await timer.time("messages.tombstone(id:at:)") { try await base.tombstone(id: id, at: date) }
    }

    func search(_ search: MessageSearch) async throws -> Page<Message> {
        try await timer.time("messages.search(_:)") { try await base.search(search) }
    }

    func recent(inChannels channelIds: [ObjectId], limit: Int) async throws -> [Message] {
        try await timer.time("messages.recent(inChannels:limit:)") { try await base.recent(inChannels: channelIds, limit: limit) }
    }

    func markRead(userId: ObjectId, channelId: ObjectId, at date: Date) async throws {
        try await timer.time("messages.markRead(userId:channelId:at:)") { try await base.markRead(userId: userId, channelId: channelId, at: date) }
    }

    func unreadCounts(userId: ObjectId, channelIds: [ObjectId]) async throws -> [ObjectId: Int] {
        try await timer.time("messages.unreadCounts(userId:channelIds:)") { try await base.unreadCounts(userId: userId, channelIds: channelIds) }
    }

    func counts(channelIds: [ObjectId]?, since: Date) async throws -> MessageCounts {
        try await timer.time("messages.counts(channelIds:since:)") { try await base.counts(channelIds: channelIds, since: since) }
    }
}
