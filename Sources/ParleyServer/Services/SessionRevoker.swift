import Foundation
import ParleyCore
import ParleyStore

/// Revokes sign-in sessions and makes it felt at once: this process stops accepting their
/// access tokens (their cache entries go), and every process's gateway, when it hears
/// `sessionsRevoked` on the event bus, drops them from its own cache and disconnects their
/// live sockets.
struct SessionRevoker: Sendable {
    let store: any Store
    let cache: LiveSessionCache
    let events: any EventBus

    /// Revokes one session of `userId`; false when it was not live.
    func revoke(id: ObjectId, of userId: ObjectId) async throws -> Bool {
        guard try await store.sessions.revoke(id: id, at: Date()) else { return false }
        announce([id], of: userId)
        return true
    }

    /// Revokes every live session of the user except `keeping`; returns how many.
    func revokeAll(of userId: ObjectId, keeping: ObjectId? = nil) async throws -> Int {
        let live = try await store.sessions.liveSessions(userId: userId, at: Date()).map(\.id).filter { $0 != keeping }
        guard keeping != nil else {
            // One store call, so that a session opened meanwhile is revoked too.
            let count = try await store.sessions.revokeAll(userId: userId, at: Date())
            announce(live, of: userId)
            return count
        }
        var revoked: [ObjectId] = []
        for id in live where try await store.sessions.revoke(id: id, at: Date()) {
            revoked.append(id)
        }
        announce(revoked, of: userId)
        return revoked.count
    }

    private func announce(_ ids: [ObjectId], of userId: ObjectId) {
        guard !ids.isEmpty else { return }
        cache.forget(ids)
        events.publish(.sessionsRevoked(userId: userId, sessionIds: Set(ids)))
    }
}
