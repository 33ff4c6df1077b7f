import ArgumentParser
import Foundation

/// Scenario "idle connections": opens connections in steps and reports the server's resident
/// memory per connection at each step.
struct IdleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idle", abstract: "Memory per idle WebSocket connection at several connection counts.")

    @Option(parsing: .upToNextOption, help: "Base URLs of the server; connections take turns (several 127.0.0.x addresses when ports run short).")
    var urls: [String] = ["http://127.0.0.1:3000"]
    @Option(help: "Process id of the server, to read its resident memory.") var serverPid: Int32
    @Option(help: "Scenario name printed in the rows.") var scenario = "idle connections"
    @Option(parsing: .upToNextOption, help: "Connection counts to measure at, ascending.") var steps: [Int] = [1000, 5000]
    @Option(help: "Prefix of the load users' names.") var prefix = "load"
    @Option(help: "Password of the load users.") var password = "loadgen-password"
    @Option(help: "Seconds to let the server settle before each reading.") var settle = 5
    @Option(help: "Connections opened at once.") var concurrency = 64
    @Option(help: "REST requests under way at once while signing in.") var restConcurrency = 16
    @Flag(help: "Connect without signing in (for servers that take any CONNECT, such as socketio-conformance-server).")
    var anonymous = false
    @Flag(help: "Sign in as the users of seed-sample-data's volume world (bench_user_NNNNNN) instead of registering load users.")
    var seeded = false

    func run() async throws {
        let total = steps.max() ?? 0
        progress("idle: signing in \(total) users…")
        let accounts: [LoadAccount] =
            anonymous
            ? (0..<total).map { _ in LoadAccount(id: "", username: "", token: "") }
            : seeded
            ? try await AccountPool.signInSeeded(baseURL: urls[0], count: total, concurrency: restConcurrency)
            : try await AccountPool.signIn(
                baseURL: urls[0], prefix: prefix, password: password, count: total, concurrency: restConcurrency)
        try await Task.sleep(for: .seconds(settle))
        guard let baseline = ProcessMemory.residentBytes(pid: serverPid) else { throw LoadgenError("cannot read /proc/\(serverPid)/status") }
        progress("idle: server resident memory before connections: \(ProcessMemory.megabytes(baseline))")
        var sockets: [LoadgenSocket] = []
        var failed = 0
        for step in steps.sorted() {
            let wanted = Array(accounts[sockets.count..<min(step, accounts.count)])
            let started = Date()
            let (opened, failures) = try await Self.open(wanted.map(\.token), offset: sockets.count, urls: urls, concurrency: concurrency)
            sockets += opened
            failed += failures
            let openingSeconds = Date().timeIntervalSince(started)
            try await Task.sleep(for: .seconds(settle))
            let alive = sockets.filter(\.isOpen).count
            let rss = ProcessMemory.residentBytes(pid: serverPid) ?? baseline
            let perConnection = alive > 0 ? Double(rss - baseline) / Double(alive) / 1024 : 0
            let row = ResultRow(
                scenario: scenario, load: "\(step) WebSocket connections",
                throughput: String(format: "%.1f KB/connection (%d open, %.0f opened/s)", perConnection, alive, Double(wanted.count) / openingSeconds),
                latency: nil, errors: "\(failed) connect", serverResident: [rss], cpu: "–")
            print(row.markdown)
        }
        for socket in sockets { socket.close() }
        try await Task.sleep(for: .seconds(1))
    }

    static func open(_ tokens: [String], offset: Int, urls: [String], concurrency: Int) async throws -> ([LoadgenSocket], Int) {
        let opened = try await Concurrently.map(tokens.count, concurrency: concurrency) { index in
            await LoadgenSocket.connect(url: urls[(offset + index) % urls.count], token: tokens[index])
        }
        let sockets = opened.compactMap { $0 }
        return (sockets, opened.count - sockets.count)
    }
}
