import ArgumentParser

@main
struct LoadgenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-loadgen",
        abstract: "Drives a running parley-server with Socket.IO clients over WebSocket or long-polling.",
        subcommands: [IdleCommand.self, TrafficCommand.self, SeededWorldCommand.self])
}
