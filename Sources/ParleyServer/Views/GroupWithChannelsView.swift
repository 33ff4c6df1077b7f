/// A group on the wire with the channels in it the caller may read, under `channels`
/// (`GET /api/groups/my-groups`, which the Angular realtime chat page lists channels from).
struct GroupWithChannelsView: Encodable, Sendable {
    let group: GroupView
    let channels: [ChannelView]

    private enum CodingKeys: String, CodingKey { case channels }

    func encode(to encoder: any Encoder) throws {
        try group.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channels, forKey: .channels)
    }
}
