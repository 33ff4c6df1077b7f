import ParleyCore
import Synchronization

/// Who is online: one entry per user, online while at least one of their sockets is
/// connected (the old server kept one socket per user, so a second tab's disconnect marked
/// the user offline).
final class PresenceRegistry: Sendable {
    struct Entry: Sendable {
        var username: String
        var sockets: Set<String>
        /// online, away or busy, as the client last said (`update_presence`).
        var status: String
        var currentChannel: String?
        /// The groups whose rooms the user is in, to decide who sees their presence.
        var groups: Set<ObjectId>
        var isSuperAdmin: Bool
    }

    static let statuses: Set<String> = ["online", "away", "busy", "offline"]

    private let users = Mutex<[ObjectId: Entry]>([:])

    /// Adds a socket; true when it is the user's first (they just came online).
    func connect(_ principal: Principal, socketID: String, groups: Set<ObjectId>) -> Bool {
        users.withLock { users in
            if var entry = users[principal.userId] {
                entry.sockets.insert(socketID)
                entry.groups = groups
                entry.isSuperAdmin = principal.isSuperAdmin
                users[principal.userId] = entry
                return false
            }
            users[principal.userId] = Entry(
                username: principal.username, sockets: [socketID], status: "online", currentChannel: nil, groups: groups,
                isSuperAdmin: principal.isSuperAdmin)
            return true
        }
    }

    /// Removes a socket; the user's entry when it was their last (they just went offline).
    func disconnect(userId: ObjectId, socketID: String) -> Entry? {
        users.withLock { users in
            guard var entry = users[userId] else { return nil }
            entry.sockets.remove(socketID)
            guard entry.sockets.isEmpty else {
                users[userId] = entry
                return nil
            }
            users[userId] = nil
            return entry
        }
    }

    func update(userId: ObjectId, status: String, currentChannel: String?) -> Entry? {
        users.withLock { users in
            users[userId]?.status = status
            users[userId]?.currentChannel = currentChannel
            return users[userId]
        }
    }

    func update(userId: ObjectId, groups: Set<ObjectId>, isSuperAdmin: Bool) {
        users.withLock { users in
            users[userId]?.groups = groups
            users[userId]?.isSuperAdmin = isSuperAdmin
        }
    }

    /// Every user with a socket on this node, with their sockets.
    func all() -> [ObjectId: Entry] { users.withLock { $0 } }

    func entry(_ userId: ObjectId) -> Entry? { users.withLock { $0[userId] } }

    func sockets(of userId: ObjectId) -> Set<String> { users.withLock { $0[userId]?.sockets ?? [] } }

    /// Distinct users online (not sockets), as the old `online_users_count` counted.
    var onlineCount: Int { users.withLock { $0.count } }

    /// Online users who share a group with the viewer (everyone for a super_admin).
    func visible(to viewer: ObjectId) -> [(ObjectId, Entry)] {
        users.withLock { users in
            guard let me = users[viewer] else { return [] }
            return users.filter { id, entry in
                id == viewer || me.isSuperAdmin || !entry.groups.isDisjoint(with: me.groups)
            }.map { ($0.key, $0.value) }
        }
    }

    /// Online users who are members of a group.
    func users(inGroup groupId: ObjectId) -> [ObjectId] {
        users.withLock { users in users.filter { $0.value.groups.contains(groupId) || $0.value.isSuperAdmin }.map(\.key) }
    }
}
