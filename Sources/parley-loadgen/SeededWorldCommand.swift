import ArgumentParser
import Foundation

/// The channels of the REST scenarios in the world `scripts/bench` seeds
/// (`seed-sample-data --groups 1 --channels 3 --large-channel-messages N`): `general` holds the
/// long history, `bench-2` an ordinary one, `bench-3` takes the posts. Signs in as the group's
/// first user and prints shell assignments for `eval`.
struct SeededWorldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seeded-world", abstract: "Prints the REST scenarios' channel ids and a token, from the seeded world.")

    @Option(help: "Base URL of the server.") var url = "http://127.0.0.1:3000"

    func run() async throws {
        let account = try await AccountPool.login(
            baseURL: url, username: AccountPool.seededUsername(0), password: AccountPool.seededPassword)
        var assignments = ["PARLEY_TOKEN=\(account.token)"]
        for (variable, name) in [("HISTORY_LARGE_CHANNEL", "general"), ("HISTORY_SMALL_CHANNEL", "bench-2"), ("POSTS_CHANNEL", "bench-3")] {
            let id = try await ChatWorld.myChannel(baseURL: url, token: account.token, named: name)
            assignments.append("\(variable)=\(id)")
        }
        print(assignments.joined(separator: "\n"))
    }
}
