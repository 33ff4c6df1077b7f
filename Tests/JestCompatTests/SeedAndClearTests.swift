import Foundation
import Logging
import ParleyCore
import ParleyStore
import Testing
@testable import ParleyServer

/// What `seed-sample-data` and `clear-database` promise, on a real SQLite file: a second run adds
/// nothing, the volume world is the same for the same seed, clearing leaves nothing, and the
/// refusals hold.
@Suite("seed-sample-data and clear-database")
struct SeedAndClearTests {
    static let logger = Logger(label: "parley-seed-test")

    static func seed(_ configuration: AppConfiguration, worlds: [String], volume: VolumePlan = VolumePlan()) async throws -> SeedReport {
        try await SeedCommand.run(
            worlds: worlds.map(SeededApp.worldFolder), volume: volume, configuration: configuration, logger: logger, output: { _ in })
    }

    static func counts(_ configuration: AppConfiguration) async throws -> [String: Int] {
        let store = try await StoreFactory.open(configuration.store, logger: logger)
        let users = try await store.users.list(UserQuery(page: PageRequest(limit: 1))).total
        let groups = try await store.groups.list(GroupQuery(includeArchived: true, page: PageRequest(limit: 1))).total
        let channels = try await store.channels.list(ChannelQuery(includeArchived: true)).total
        let messages = try await store.messages.counts(channelIds: nil, since: .distantPast).total
        let requests = try await store.groupRequests.list(GroupRequestQuery(page: PageRequest(limit: 1))).total
        try await store.close()
        return ["users": users, "groups": groups, "channels": channels, "messages": messages, "groupRequests": requests]
    }

    @Test func seedingTwiceDuplicatesNothing() async throws {
        try await SeededApp.withFolder { folder in
            let configuration = SeededApp.configuration(folder: folder)
            let volume = VolumePlan(users: 7, groups: 2, channels: 5, messages: 1_234, batchSize: 500)
            let first = try await Self.seed(configuration, worlds: ["startup"], volume: volume)
            #expect(first.tallies["users"] == SeedTally(created: 12, existing: 0))
            #expect(first.tallies["messages"] == SeedTally(created: 1_241, existing: 0))
            #expect(first.tallies["videoCalls"] == SeedTally(created: 2, existing: 0))
            let afterFirst = try await Self.counts(configuration)
            #expect(afterFirst == ["users": 12, "groups": 5, "channels": 12, "messages": 1_241, "groupRequests": 2])

            let second = try await Self.seed(configuration, worlds: ["startup"], volume: volume)
            for kind in SeedReport.kinds { #expect(second.tallies[kind]?.created == 0, "\(kind)") }
            #expect(second.tallies["messages"] == SeedTally(created: 0, existing: 1_241))
            #expect(try await Self.counts(configuration) == afterFirst)
            #expect(second.identities.map(\.username) == ["super", "admin", "user1", "user2", "user3"])
            #expect(second.notes.isEmpty, "every file of the world is loaded")
            #expect(second.tallies["videoCalls"] == SeedTally(created: 0, existing: 2))
        }
    }

    @Test func theVolumeWorldIsTheSameForTheSameSeed() {
        let plan = VolumePlan(users: 10, groups: 3, channels: 4, messages: 50)
        let one = VolumeWorld(plan: plan, referenceDate: SeedCommand.referenceDate).messages(0..<50)
        let two = VolumeWorld(plan: plan, referenceDate: SeedCommand.referenceDate).messages(20..<50)
        #expect(Array(one[20...]) == two)
        let other = VolumeWorld(plan: VolumePlan(users: 10, groups: 3, channels: 4, messages: 50, randomSeed: 7), referenceDate: SeedCommand.referenceDate)
        #expect(other.messages(0..<50).map(\.text) != one.map(\.text))
        #expect(one.map(\.createdAt) == one.map(\.createdAt).sorted())
    }

    @Test func oneChannelCanHoldALongHistory() throws {
        let plan = try VolumePlan(users: 4, groups: 1, channels: 3, messages: 1_000, largeChannelMessages: 900).completed()
        let messages = VolumeWorld(plan: plan, referenceDate: SeedCommand.referenceDate).messages(0..<1_000)
        let perChannel = Dictionary(grouping: messages, by: \.channelId).mapValues(\.count)
        #expect(perChannel[VolumeWorld.id(kind: 3, 0)] == 900)
        #expect(perChannel[VolumeWorld.id(kind: 3, 1)] == 50)
        #expect(perChannel[VolumeWorld.id(kind: 3, 2)] == 50)
        #expect(throws: SeedError.self) { try VolumePlan(messages: 10, largeChannelMessages: 11).completed() }
    }

    @Test func aWorldWhoseNamesAreTakenStopsWithAConflict() async throws {
        try await SeededApp.withFolder { folder in
            let configuration = SeededApp.configuration(folder: folder)
            _ = try await Self.seed(configuration, worlds: ["startup"])
            // Both worlds have a user named admin, with different ids.
            await #expect(throws: SeedError.self) { try await Self.seed(configuration, worlds: ["fake-data.model"]) }
        }
    }

    @Test func clearingLeavesAnEmptyStoreAndKeepsGitkeep() async throws {
        try await SeededApp.withFolder { folder in
            let configuration = SeededApp.configuration(folder: folder)
            _ = try await Self.seed(configuration, worlds: ["startup"], volume: VolumePlan(messages: 100))
            let uploads = URL(fileURLWithPath: configuration.uploadDirectory)
            for sub in ["avatars", "images", "files"] {
                try FileManager.default.createDirectory(at: uploads.appendingPathComponent(sub), withIntermediateDirectories: true)
                try Data().write(to: uploads.appendingPathComponent("\(sub)/.gitkeep"))
                try Data("x".utf8).write(to: uploads.appendingPathComponent("\(sub)/upload-\(sub).bin"))
            }
            let lines = try await ClearCommand.run(includingUploads: true, configuration: configuration, logger: Self.logger)
            #expect(lines.contains("  users: 6 removed"))
            #expect(lines.contains("  messages: 107 removed"))
            #expect(lines.last?.contains("3 files removed") == true)
            #expect(try await Self.counts(configuration).values.allSatisfy { $0 == 0 })
            for sub in ["avatars", "images", "files"] {
                #expect(try FileManager.default.contentsOfDirectory(atPath: uploads.appendingPathComponent(sub).path) == [".gitkeep"])
            }
        }
    }

    @Test func clearingRefusesWithoutYesAndInProduction() {
        #expect(ClearRefusal.check(confirmed: false, forceProduction: true, environment: [:]) == .notConfirmed)
        #expect(ClearRefusal.check(confirmed: true, forceProduction: false, environment: ["PARLEY_ENV": "production"]) == .production(variable: "PARLEY_ENV"))
        #expect(ClearRefusal.check(confirmed: true, forceProduction: false, environment: ["NODE_ENV": "Production"]) == .production(variable: "NODE_ENV"))
        #expect(ClearRefusal.check(confirmed: true, forceProduction: true, environment: ["PARLEY_ENV": "production"]) == nil)
        #expect(ClearRefusal.check(confirmed: true, forceProduction: false, environment: ["PARLEY_ENV": "development"]) == nil)
    }
}
