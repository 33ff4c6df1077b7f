import Foundation
import ParleyCore

/// The generated world of a `VolumePlan`. Ids are deterministic (`68e02845 b1 <kind> <counter>`,
/// apart from the fixture worlds' `68e02845ce48…` ids), so a second run finds every record
/// already there. User `i` belongs to group `i % groups`; each group is administered by user
/// `g % users` and has `general` plus its share of the other channels; messages go round the
/// channels (after the first `largeChannelMessages`, which all go to channel 0), each from a
/// member of the channel's group, a quarter of a second apart, oldest first.
struct VolumeWorld: Sendable {
    let plan: VolumePlan
    /// The dates end here: the fixture worlds' reference time.
    let referenceDate: Date
    private let membersByGroup: [[ObjectId]]

    static let idPrefix: [UInt8] = [0x68, 0xE0, 0x28, 0x45, 0xB1]
    static let templates = [
        "Hello everyone! How's it going?", "Has anyone tried the new release yet?", "Great work on the last sprint, team!",
        "Can someone review my pull request?", "The meeting is moved to 3 pm tomorrow.", "I pushed a fix for the login bug.",
        "What do you think about the new design?", "Lunch at the usual place?", "The build is green again.",
        "Please update your dependencies before merging.", "Reminder: the demo is on Friday.", "Thanks for the help earlier!",
        "I'm excited about this project!",
    ]

    init(plan: VolumePlan, referenceDate: Date) {
        self.plan = plan
        self.referenceDate = referenceDate
        var members = [[ObjectId]](repeating: [], count: plan.groups)
        if plan.groups > 0 {
            for user in 0..<plan.users { members[user % plan.groups].append(Self.id(kind: 1, user)) }
        }
        for group in 0..<plan.groups {
            let admin = Self.id(kind: 1, group % plan.users)
            if !members[group].contains(admin) { members[group].insert(admin, at: 0) }
        }
        membersByGroup = members
    }

    static func id(kind: UInt8, _ index: Int) -> ObjectId {
        var bytes = idPrefix + [kind]
        for shift in stride(from: 40, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: index >> shift)) }
        return ObjectId(bytes: bytes)!  // 5 + 1 + 6 bytes: always 12
    }

    static func username(_ index: Int) -> String { "bench_user_" + String(format: "%06d", index + 1) }

    var accounts: [SeedAccount] {
        (0..<plan.users).map { index in
            let name = Self.username(index)
            let created = referenceDate.addingTimeInterval(-Double(plan.users - index) * 60)
            return SeedAccount(
                user: User(id: Self.id(kind: 1, index), username: name, email: "\(name)@bench.example.com", passwordHash: "", createdAt: created),
                password: VolumePlan.password)
        }
    }

    var groups: [Group] {
        (0..<plan.groups).map { index in
            let admin = Self.id(kind: 1, index % plan.users)
            let created = referenceDate.addingTimeInterval(-Double(plan.groups - index) * 3600 - 86_400 * 30)
            let members = membersByGroup[index].map { userId in
                GroupMember(
                    userId: userId, username: Self.username(Self.index(of: userId)), role: userId == admin ? .admin : .member,
                    joinedAt: created)
            }
            return Group(
                id: Self.id(kind: 2, index), name: "Bench Group " + String(format: "%04d", index + 1),
                description: "Generated group \(index + 1) for benchmarks", createdBy: admin, createdAt: created, members: members)
        }
    }

    var channels: [Channel] {
        (0..<plan.channels).map { index in
            let group = index % plan.groups
            let admin = Self.id(kind: 1, group % plan.users)
            return Channel(
                id: Self.id(kind: 3, index), groupId: Self.id(kind: 2, group),
                name: index < plan.groups ? Channel.defaultName : "bench-\(index + 1)", description: "Generated channel \(index + 1)",
                members: membersByGroup[group], admins: [admin], createdBy: admin,
                createdAt: referenceDate.addingTimeInterval(-86_400 * 30))
        }
    }

    /// Messages `range` of the plan, oldest first.
    func messages(_ range: Range<Int>) -> [Message] {
        range.map { index in
            var random = SplitMix64(seed: plan.randomSeed, index: index)
            let channel = channel(ofMessage: index)
            let group = channel % plan.groups
            let sender = membersByGroup[group].randomElement(using: &random)!  // every group has its admin
            let text = Self.templates.randomElement(using: &random)! + " (#\(index + 1))"
            return Message(
                id: Self.id(kind: 4, index), channelId: Self.id(kind: 3, channel), groupId: Self.id(kind: 2, group), userId: sender,
                username: Self.username(Self.index(of: sender)), text: text,
                createdAt: referenceDate.addingTimeInterval(-Double(plan.messages - index) * 0.25))
        }
    }

    /// Messages go round the channels, except the first `largeChannelMessages`, which all go
    /// to channel 0 (the others then share the rest).
    func channel(ofMessage index: Int) -> Int {
        let large = plan.largeChannelMessages
        guard large > 0 else { return index % plan.channels }
        if index < large || plan.channels == 1 { return 0 }
        return 1 + (index - large) % (plan.channels - 1)
    }

    /// The counter an id of this world ends with.
    static func index(of id: ObjectId) -> Int {
        id.bytes[6...].reduce(0) { $0 << 8 | Int($1) }
    }
}
