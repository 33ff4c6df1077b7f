/// The volume options of `seed-sample-data` (`--users --groups --channels --messages`): how big a
/// generated world to add for benchmarks. The same plan and `randomSeed` always generate the
/// same records with the same ids.
public struct VolumePlan: Sendable, Equatable {
    public var users: Int
    public var groups: Int
    public var channels: Int
    public var messages: Int
    /// Of `messages`, how many go to the first channel (the rest go round the others): one
    /// very long history next to ordinary ones, for the history-page benchmark.
    public var largeChannelMessages: Int
    public var randomSeed: UInt64
    /// Messages per write: large enough that a million take minutes, small enough to keep one
    /// transaction (and the array behind it) modest.
    public var batchSize: Int

    public static let defaultRandomSeed: UInt64 = 20_251_003
    public static let password = "password123"

    public init(
        users: Int = 0, groups: Int = 0, channels: Int = 0, messages: Int = 0, largeChannelMessages: Int = 0,
        randomSeed: UInt64 = defaultRandomSeed, batchSize: Int = 20_000
    ) {
        self.users = users
        self.groups = groups
        self.channels = channels
        self.messages = messages
        self.largeChannelMessages = largeChannelMessages
        self.randomSeed = randomSeed
        self.batchSize = batchSize
    }

    public var isEmpty: Bool { users == 0 && groups == 0 && channels == 0 && messages == 0 }

    /// The plan with what its numbers need filled in: messages need a channel, a channel needs a
    /// group, a group needs a user to administer it, and every group has its `general` channel.
    public func completed() throws -> VolumePlan {
        guard users >= 0, groups >= 0, channels >= 0, messages >= 0 else {
            throw SeedError.badPlan("--users, --groups, --channels and --messages cannot be negative")
        }
        guard batchSize > 0 else { throw SeedError.badPlan("the batch size must be positive") }
        guard (0...messages).contains(largeChannelMessages) else {
            throw SeedError.badPlan("--large-channel-messages must be between 0 and --messages")
        }
        var plan = self
        if plan.messages > 0 { plan.channels = max(plan.channels, 1) }
        if plan.channels > 0 { plan.groups = max(plan.groups, 1) }
        if plan.groups > 0 { plan.users = max(plan.users, 1) }
        plan.channels = max(plan.channels, plan.groups)
        return plan
    }
}
