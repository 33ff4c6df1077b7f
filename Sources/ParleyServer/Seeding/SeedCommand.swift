import Foundation
import Logging

/// `seed-sample-data`: loads fixture worlds and a volume world into the configured store.
public enum SeedCommand {
    /// The fixture worlds' clock (`referenceNow` in `jest-compat-fixtures/manifest.json`); the
    /// volume world's dates end here too, so the same plan always writes the same records.
    public static let referenceDate = Date(timeIntervalSince1970: 1_759_520_837)  // 2025-10-03T19:47:17Z

    /// Seeds `worlds` (folders of `seed/`, in order) and then `volume`, printing through `output`.
    public static func run(
        worlds: [URL], volume: VolumePlan, configuration: AppConfiguration, logger: Logger,
        output: @escaping @Sendable (String) -> Void
    ) async throws -> SeedReport {
        let loaded = try worlds.map(SeedWorld.load(from:))
        return try await CommandRuntime.withStore(configuration, logger: logger) { store, threadPool in
            let seeder = SampleDataSeeder(
                store: store, hasher: PasswordHasher(cost: configuration.bcryptCost, threadPool: threadPool), progress: output)
            var report = SeedReport()
            for world in loaded {
                output("seeding world \(world.name) into \(store.engineName)")
                report.merge(try await seeder.seed(world))
            }
            if !volume.isEmpty {
                let plan = try volume.completed()
                output(
                    "seeding volume: \(plan.users) users, \(plan.groups) groups, \(plan.channels) channels, \(plan.messages) messages (seed \(plan.randomSeed))")
                report.merge(try await seeder.seed(plan, referenceDate: referenceDate))
            }
            return report
        }
    }
}
