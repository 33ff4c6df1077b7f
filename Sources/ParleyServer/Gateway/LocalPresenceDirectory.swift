import ParleyCore

/// Presence of a node that runs alone: its own registry is everyone.
struct LocalPresenceDirectory: PresenceDirectory {
    let registry: PresenceRegistry

    func connected(_ userId: ObjectId, socketID: String, entry: PresenceRegistry.Entry, firstHere: Bool) async -> Bool { firstHere }

    func disconnected(_ userId: ObjectId, socketID: String, lastHere: Bool) async -> Bool { lastHere }

    func updated(_ userId: ObjectId, entry: PresenceRegistry.Entry) async {}

    func onlineCount() async -> Int { registry.onlineCount }

    func isOnline(_ userId: ObjectId) async -> Bool { !registry.sockets(of: userId).isEmpty }

    func socketCount(of userId: ObjectId) async -> Int { registry.sockets(of: userId).count }

    func visible(to viewer: ObjectId) async -> [(ObjectId, PresenceRegistry.Entry)] { registry.visible(to: viewer) }
}
