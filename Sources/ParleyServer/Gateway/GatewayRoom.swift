import ParleyCore

/// Names of the Socket.IO rooms the gateway uses. Prefixes keep users, groups, channels and
/// video rooms apart, so no client-chosen name can alias another kind of room.
enum GatewayRoom {
    static func user(_ id: ObjectId) -> String { "user:\(id.hexString)" }
    static func group(_ id: ObjectId) -> String { "group:\(id.hexString)" }
    static func channel(_ id: ObjectId) -> String { "channel:\(id.hexString)" }
    static func video(_ roomId: String) -> String { "video:\(roomId)" }

    /// Rooms that grant reading: the ones kept in step with the user's permissions.
    static func grantsReading(_ room: String) -> Bool {
        room.hasPrefix("group:") || room.hasPrefix("channel:")
    }
}
