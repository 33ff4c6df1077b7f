import ArgumentParser
import Foundation
import Logging
import ParleyServer

/// `seed-sample-data`: loads the fixture worlds of `jest-compat-fixtures/seed/` and, for
/// benchmarks, a generated volume world into the store the server would use (same environment
/// variables). Safe to run again: nothing is duplicated. It never runs when the server starts.
@main
struct SeedSampleDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-sample-data",
        abstract: "Load the sample worlds (and optional benchmark volume) into the configured store.")

    @Option(
        name: .customLong("world"),
        help: "A world of <fixtures>/seed to load: startup (default), fake-data.model, or none. Repeat to load several.")
    var worlds: [String] = []

    @Option(help: "The jest-compat-fixtures folder.") var fixtures = "jest-compat-fixtures"
    @Option(help: "Volume: generated users (bench_user_NNNNNN, password password123).") var users = 0
    @Option(help: "Volume: generated groups, each with a general channel.") var groups = 0
    @Option(help: "Volume: generated channels in all (at least one per group).") var channels = 0
    @Option(help: "Volume: generated messages, spread over the channels.") var messages = 0
    @Option(help: "Volume: of the messages, how many go to the first channel (one long history).") var largeChannelMessages = 0
    @Option(help: "Volume: the random seed (the same seed writes the same records).") var seed = VolumePlan.defaultRandomSeed
    @Option(help: "Volume: messages per write.") var batchSize = 20_000

    func run() async throws {
        let configuration = try loadConfiguration()
        var logger = Logger(label: "parley-seed")
        logger.logLevel = configuration.logLevel
        let names = worlds.isEmpty ? ["startup"] : worlds.filter { $0 != "none" }
        let folders = names.map { URL(fileURLWithPath: fixtures).appendingPathComponent("seed").appendingPathComponent($0) }
        let volume = VolumePlan(
            users: users, groups: groups, channels: channels, messages: messages, largeChannelMessages: largeChannelMessages,
            randomSeed: seed, batchSize: batchSize)
        let started = ContinuousClock.now
        do {
            let report = try await SeedCommand.run(
                worlds: folders, volume: volume, configuration: configuration, logger: logger, output: printLine)
            report.lines.forEach(printLine)
            printLine("done in \(ContinuousClock.now - started)")
        } catch let error as SeedError {
            printError("seed-sample-data: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Reads the environment; a bad setting prints one line naming the variable and exits 1.
func loadConfiguration() throws -> AppConfiguration {
    do {
        return try AppConfiguration.load()
    } catch let error as ConfigurationError {
        printError(error.description)
        throw ExitCode.failure
    }
}

/// Written straight to the file handle: print() is buffered when stdout is a pipe, and progress
/// lines should arrive while a long run goes on.
@Sendable func printLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
