import ParleyCore
import ParleyStore

/// The rooms a user's sockets belong in: every channel they may read, and the groups of those
/// channels (the Angular chat screen uses group ids where channel ids belong).
struct GatewayAccess: Sendable {
    struct Rooms: Sendable {
        var rooms: Set<String>
        var groups: Set<ObjectId>
    }

    let channels: ChannelService

    func rooms(for principal: Principal) async throws -> Rooms {
        let readable = try await channels.readableChannels(principal: principal, query: ChannelQuery(page: .everything)).items
        let groups = Set(readable.map(\.groupId))
        return Rooms(rooms: Set(readable.map { GatewayRoom.channel($0.id) }).union(groups.map(GatewayRoom.group)), groups: groups)
    }
}
