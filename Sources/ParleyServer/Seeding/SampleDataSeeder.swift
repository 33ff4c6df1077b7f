import Foundation
import ParleyCore
import ParleyStore

/// Writes a seed world or a volume world into a store, idempotently: every record has a fixed
/// id, a record whose id is stored is left alone, and a unique key held by a record of another
/// id stops the run with `SeedError.conflict`. It writes to the store directly rather than
/// through the services because it must choose the ids and dates; the data it writes is what
/// the services would have made (members on both sides, a `general` channel in every group).
/// Passwords are hashed with bcrypt once per distinct password and the hash is shared.
public struct SampleDataSeeder: Sendable {
    let store: any Store
    let hasher: PasswordHasher
    /// Told of progress through long runs (a line every so many messages).
    let progress: @Sendable (String) -> Void

    public init(store: any Store, hasher: PasswordHasher, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.hasher = hasher
        self.progress = progress
    }

    public func seed(_ world: SeedWorld) async throws -> SeedReport {
        var report = SeedReport()
        try await insert(accounts: world.accounts, into: &report)
        report.identities = world.users.map {
            SeedReport.Identity(
                username: $0.username, email: $0.email, password: $0.plainPassword, roles: $0.roles.map(\.rawValue), isActive: $0.isActive)
        }
        try await insert(groups: world.groups.map(\.group), into: &report)
        try await insert(channels: world.channels.map(\.channel), into: &report)
        let messages = world.messages.map(\.message)
        report.count("messages")
        for start in stride(from: 0, to: messages.count, by: 5_000) {
            let created = try await store.messages.insertMissing(Array(messages[start..<min(start + 5_000, messages.count)]))
            report.count("messages", created: created, existing: min(5_000, messages.count - start) - created)
        }
        try await insert(requests: world.groupRequests.map(\.request), into: &report)
        try await insertEach(
            "videoCalls", try world.videoCalls.map { try $0.call() }, into: &report,
            isStored: { try await store.videoCalls.find(id: $0.id) != nil },
            describe: { "a call from \($0.callerName) to \($0.receiverName)" }, insert: { try await store.videoCalls.insert($0) })
        report.notes += world.notLoaded.map { "\(world.name)/\($0) not loaded: Parley has no store for it yet" }
        return report
    }

    public func seed(_ plan: VolumePlan, referenceDate: Date) async throws -> SeedReport {
        let plan = try plan.completed()
        let world = VolumeWorld(plan: plan, referenceDate: referenceDate)
        var report = SeedReport()
        try await insert(accounts: world.accounts, into: &report)
        if plan.users > 0 {
            report.identitySummaries.append(
                "\(VolumeWorld.username(0)) … \(VolumeWorld.username(plan.users - 1)) / <username>@bench.example.com / \(VolumePlan.password) / user")
        }
        try await insert(groups: world.groups, into: &report)
        try await insert(channels: world.channels, into: &report)
        let started = ContinuousClock.now
        var nextReport = 100_000
        for start in stride(from: 0, to: plan.messages, by: plan.batchSize) {
            let end = min(start + plan.batchSize, plan.messages)
            let created = try await store.messages.insertMissing(world.messages(start..<end))
            report.count("messages", created: created, existing: end - start - created)
            if end >= nextReport || end == plan.messages {
                progress("messages: \(end)/\(plan.messages) after \(ContinuousClock.now - started)")
                nextReport = end + 100_000
            }
        }
        return report
    }

    private func insert(accounts: [SeedAccount], into report: inout SeedReport) async throws {
        var hashes: [String: String] = [:]
        for password in Set(accounts.map(\.password)) { hashes[password] = try await hasher.hash(password) }
        let users = accounts.map { account in
            var user = account.user
            user.passwordHash = hashes[account.password] ?? ""
            return user
        }
        try await insertEach(
            "users", users, into: &report, isStored: { try await store.users.find(id: $0.id) != nil },
            describe: { "user \($0.username) (or its email \($0.email))" }, insert: { try await store.users.insert($0) })
    }

    private func insert(groups: [Group], into report: inout SeedReport) async throws {
        try await insertEach(
            "groups", groups, into: &report, isStored: { try await store.groups.find(id: $0.id) != nil },
            describe: { "group name \"\($0.name)\"" }, insert: { try await store.groups.insert($0) })
    }

    private func insert(channels: [Channel], into report: inout SeedReport) async throws {
        try await insertEach(
            "channels", channels, into: &report, isStored: { try await store.channels.find(id: $0.id) != nil },
            describe: { "channel name \"\($0.name)\" in group \($0.groupId)" }, insert: { try await store.channels.insert($0) })
    }

    private func insert(requests: [GroupRequest], into report: inout SeedReport) async throws {
        try await insertEach(
            "groupRequests", requests, into: &report, isStored: { try await store.groupRequests.find(id: $0.id) != nil },
            describe: { "a pending request of \($0.username) for \($0.groupName)" },
            insert: { try await store.groupRequests.insert($0) })
    }

    /// Inserts the records whose ids are not stored yet, counting both kinds; a unique key held
    /// by another record becomes a `SeedError.conflict` naming it.
    private func insertEach<Record>(
        _ kind: String, _ records: [Record], into report: inout SeedReport, isStored: (Record) async throws -> Bool,
        describe: (Record) -> String, insert: (Record) async throws -> Void
    ) async throws {
        report.count(kind)
        for record in records {
            if try await isStored(record) {
                report.count(kind, existing: 1)
                continue
            }
            do {
                try await insert(record)
            } catch StoreError.duplicate {
                throw SeedError.conflict(describe(record))
            }
            report.count(kind, created: 1)
        }
    }
}
